// One frame of a squat rep → the numbers the squat screen keeps (squat_types.ts SquatFrame). Pure.
import { measureFppa } from '../geometry/fppa';
import { footTurnOut } from '../geometry/foot_turnout';
import { hipDrop } from '../geometry/hip_drop';
import { kneeCommonShift, withoutCommonShift } from '../geometry/knee_common_shift';
import { medialKneeDisplacement } from '../geometry/knee_displacement';
import { kneeIn } from '../geometry/knee_in';
import type { RatioMeasurement } from '../geometry/ratio';
import type { Measurement } from '../geometry/result';
import { squatStanceSides } from '../geometry/squat_sides';
import type { StandingBaseline } from '../geometry/standing_baseline';
import { trunkLeanFrontal } from '../geometry/trunk_lean_frontal';
import { classifyView } from '../geometry/view';
import type { Pose, Side } from '../types';
import { KNEE_IN_BIAS_PER_DEPTH, SQUAT_LIMITS } from './squat_limits';
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
const pct = (x: number) => `${Math.round(Math.abs(x) * 100)}%`;

/** The frame's measurements, or why this frame has no depth (then it is a gap for rep counting). */
export function measureSquatFrame(
  seen: Pose,
  baseline: StandingBaseline,
  variant: SquatVariant,
  tMs: number,
): SquatFrame | { reason: string } {
  // Planted feet say which leg is which when the model swaps every side at the bottom of a deep squat.
  const pose = variant === 'double' ? squatStanceSides(seen, baseline) : seen;
  const drop = hipDrop(pose, baseline);
  if (!drop.ok) return { reason: drop.reason };
  const view = classifyView(pose);
  // In a single-leg squat the lifted knee moves freely, so the two knees say nothing together.
  const shift =
    variant === 'double'
      ? fromRatio(kneeCommonShift(pose, baseline.legLengthPx))
      : missing('not measured in a single-leg squat (the lifted knee moves freely)');
  let frontal: string | null = null;
  let turned: string | null = null;
  if (view.view !== 'frontal') frontal = `needs a frontal view: ${view.reason}`;
  else if (shift.ok && Math.abs(shift.value) > SQUAT_LIMITS.maxKneeCommonShift.value)
    frontal =
      `both knees moved ${pct(shift.value)} of a leg the same way: the body is turned to the camera more than ` +
      `the ${pct(SQUAT_LIMITS.maxKneeCommonShift.value)} the turn correction covers (about 20°), so sideways ` +
      'angles would mix in forward movement: turn square to the camera';
  else if (shift.ok && Math.abs(shift.value) > SQUAT_LIMITS.turnedKneeShift.value)
    turned = `both knees moved ${pct(shift.value)} of a leg the same way: the body is turned to the camera`;
  // A turned body (within the limit): the knees' common shift, which is where the turn shows their forward
  // travel, is taken out before the knee angles are read; a forward trunk lean cannot be told from a sideways one.
  const knees = turned && shift.ok ? withoutCommonShift(pose, shift.value, baseline.legLengthPx) : pose;
  const inOf = kneeInFrame(pose, baseline, variant, drop.value, view.view === 'frontal' ? null : frontal);
  const legs: Partial<Record<Side, LegFrame>> = {};
  for (const side of measuredLegs(variant)) {
    legs[side] = {
      fppaDeg: frontal ? missing(frontal) : fromAngle(measureFppa(knees, side)),
      medialKneeDisplacement: frontal
        ? missing(frontal)
        : fromRatio(medialKneeDisplacement(knees, side, baseline.legLengthPx)),
      footTurnOutDeg: fromAngle(footTurnOut(pose, side)),
      kneeIn: inOf.legs[side] ?? missing(`${side} knee not measured`),
    };
  }
  return {
    tMs,
    depth: drop.value,
    depthConfidence: drop.confidence,
    legs,
    trunkLeanDeg: frontal
      ? missing(frontal)
      : turned
        ? missing(`${turned}, so a forward lean would read as a sideways one`)
        : fromAngle(trunkLeanFrontal(pose)),
    kneeCommonShift: shift,
    kneeIn: inOf.both,
  };
}

/**
 * Knee-in per leg and for both knees (geometry/knee_in.ts), with the pose model's own depth bias added back
 * (KNEE_IN_BIAS_PER_DEPTH, per model) and implausible values refused. A turned camera adds the knees' forward travel
 * to one knee's knee-in and takes it from the other's, so their mean is free of it; one knee's own value is given
 * only when the two did not move the same way by more than SQUAT_LIMITS.turnedKneeShift.
 */
function kneeInFrame(
  pose: Pose,
  baseline: StandingBaseline,
  variant: SquatVariant,
  depth: number,
  notFrontal: string | null,
): { legs: Partial<Record<Side, RepValue>>; both: RepValue } {
  const legs: Partial<Record<Side, RepValue>> = {};
  const sides = measuredLegs(variant);
  if (notFrontal) {
    for (const side of sides) legs[side] = missing(notFrontal);
    return { legs, both: missing(notFrontal) };
  }
  const bias = (KNEE_IN_BIAS_PER_DEPTH[pose.model] ?? 0) * Math.max(0, depth);
  const max = SQUAT_LIMITS.maxKneeIn.value;
  const raw: Partial<Record<Side, RepValue>> = {};
  for (const side of sides) {
    const m = kneeIn(pose, side, baseline);
    raw[side] = !m.ok
      ? missing(m.reason)
      : Math.abs(m.value + bias) > max
        ? missing(
            `a ${side} knee-in of ${pct(m.value + bias)} of a leg is beyond any knee (±${pct(max)}): a keypoint is misplaced`,
          )
        : { ok: true, value: m.value + bias, confidence: m.confidence };
  }
  const { left: l, right: r } = raw;
  if (variant !== 'double' || !l || !r) {
    for (const side of sides) legs[side] = raw[side]!;
    return { legs, both: missing('both knees are measured in a double-leg squat only') };
  }
  if (!l.ok || !r.ok) {
    const why = !l.ok ? l.reason : (r as { reason: string }).reason;
    return { legs: { left: missing(why), right: missing(why) }, both: missing(why) };
  }
  const both: RepValue = {
    ok: true,
    value: (l.value + r.value) / 2,
    confidence: Math.min(l.confidence, r.confidence),
  };
  // One knee alone is not given in a double-leg squat: a camera's turn moves both knees the same way, which no
  // frontal picture tells from one knee caving in more, and where the knees did not move the same way (within
  // turnedKneeShift) one knee alone still read 0.075 (dev) and 0.10 (report) of a leg off on the rig's deep squats.
  const why =
    'one knee alone is not measured in a double-leg squat (a camera turned off square moves both knees the same ' +
    'way): see both knees together';
  return { legs: { left: missing(why), right: missing(why) }, both };
}
