// One frame of a squat rep → the numbers the squat screen keeps (squat_types.ts SquatFrame). Pure.
import { measureFppa } from '../geometry/fppa';
import { footTurnOut } from '../geometry/foot_turnout';
import { hipDrop } from '../geometry/hip_drop';
import { kneeCommonShift } from '../geometry/knee_common_shift';
import { medialKneeDisplacement } from '../geometry/knee_displacement';
import type { RatioMeasurement } from '../geometry/ratio';
import type { Measurement } from '../geometry/result';
import type { StandingBaseline } from '../geometry/standing_baseline';
import { trunkLeanFrontal } from '../geometry/trunk_lean_frontal';
import { classifyView } from '../geometry/view';
import type { Pose, Side } from '../types';
import { SQUAT_LIMITS } from './squat_limits';
import type { LegFrame, RepValue, SquatFrame, SquatVariant } from './squat_types';

/** The legs a variant measures: both, or the standing leg of a single-leg squat. */
export function measuredLegs(variant: SquatVariant): Side[] {
  return variant === 'double' ? ['left', 'right'] : variant === 'single-left' ? ['left'] : ['right'];
}

export const fromAngle = (m: Measurement): RepValue =>
  m.ok ? { ok: true, value: m.valueDeg, confidence: m.confidence } : { ok: false, reason: m.reason };
export const fromRatio = (m: RatioMeasurement): RepValue =>
  m.ok ? { ok: true, value: m.value, confidence: m.confidence } : { ok: false, reason: m.reason };
const missing = (reason: string): RepValue => ({ ok: false, reason });

/** The frame's measurements, or why this frame has no depth (then it is a gap for rep counting). */
export function measureSquatFrame(
  pose: Pose,
  baseline: StandingBaseline,
  variant: SquatVariant,
  tMs: number,
): SquatFrame | { reason: string } {
  const drop = hipDrop(pose, baseline);
  if (!drop.ok) return { reason: drop.reason };
  const view = classifyView(pose);
  // In a single-leg squat the lifted knee moves freely, so the two knees say nothing together.
  const shift =
    variant === 'double'
      ? fromRatio(kneeCommonShift(pose, baseline.legLengthPx))
      : missing('not measured in a single-leg squat (the lifted knee moves freely)');
  let frontal: string | null = null;
  if (view.view !== 'frontal') frontal = `needs a frontal view: ${view.reason}`;
  else if (shift.ok && Math.abs(shift.value) > SQUAT_LIMITS.maxKneeCommonShift.value)
    // Forward movement (knees over the toes, the trunk bending forward) then shows up as sideways
    // movement in the picture: knee angles and lateral trunk lean both stop meaning what they say.
    frontal =
      `both knees moved ${Math.round(Math.abs(shift.value) * 100)}% of a leg the same way: the body is ` +
      'turned to the camera, so sideways angles would mix in forward movement';
  const legs: Partial<Record<Side, LegFrame>> = {};
  for (const side of measuredLegs(variant)) {
    legs[side] = {
      fppaDeg: frontal ? missing(frontal) : fromAngle(measureFppa(pose, side)),
      medialKneeDisplacement: frontal
        ? missing(frontal)
        : fromRatio(medialKneeDisplacement(pose, side, baseline.legLengthPx)),
      footTurnOutDeg: fromAngle(footTurnOut(pose, side)),
    };
  }
  return {
    tMs,
    depth: drop.value,
    depthConfidence: drop.confidence,
    legs,
    trunkLeanDeg: frontal ? missing(frontal) : fromAngle(trunkLeanFrontal(pose)),
    kneeCommonShift: shift,
  };
}
