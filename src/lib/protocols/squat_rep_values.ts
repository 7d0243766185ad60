// A counted rep + the frames it was made of → the rep's values (squat_types.ts SquatRep). Pure.
import type { Side } from '../types';
import { SQUAT_LIMITS } from './squat_limits';
import type { Rep } from './squat_reps';
import type { LegFrame, LegRep, RepValue, SquatFrame, SquatRep } from './squat_types';

/**
 * FPPA and knee displacement are read at the deepest frame that could measure them, but only among
 * frames at least `bottomBand` of the rep's deepest hip drop: a value from the first centimetres of
 * the descent is not "at the deepest point", so then the reason from the bottom is reported instead.
 * Trunk lean, foot turn-out and the turned-body check come from the deepest frame itself. A body
 * turned to the camera stays turned for the whole rep; the knees only show it once they have travelled
 * forward, so when the deepest frame says "turned", the shallower frames are not asked either.
 */
export function repValues(
  rep: Rep,
  frames: readonly SquatFrame[],
  legs: readonly Side[],
  bottomBand: number,
): SquatRep {
  const bottom = deepestFrame(frames);
  const base = { index: rep.index, startMs: rep.startMs, bottomMs: rep.bottom.tMs, endMs: rep.endMs };
  if (!bottom) {
    const none: RepValue = { ok: false, reason: 'no frame of this rep was measured' };
    return { ...base, depth: none, trunkLeanDeg: none, kneeCommonShift: none, legs: {} };
  }
  const turned =
    bottom.kneeCommonShift.ok &&
    Math.abs(bottom.kneeCommonShift.value) > SQUAT_LIMITS.maxKneeCommonShift.value;
  const band = turned ? [] : frames.filter((f) => f.depth >= bottomBand * bottom.depth);
  const out: Partial<Record<Side, LegRep>> = {};
  for (const side of legs) {
    const atBottom = bottom.legs[side];
    const fppa = deepestWith(band, side, 'fppaDeg');
    const medial = deepestWith(band, side, 'medialKneeDisplacement');
    out[side] = {
      fppaDeg: fppa ? fppa.legs[side]!.fppaDeg : (atBottom?.fppaDeg ?? noLeg(side)),
      fppaAtDepth: fppa ? fppa.depth : null,
      medialKneeDisplacement: medial
        ? medial.legs[side]!.medialKneeDisplacement
        : (atBottom?.medialKneeDisplacement ?? noLeg(side)),
      footTurnOutDeg: atBottom?.footTurnOutDeg ?? noLeg(side),
    };
  }
  return {
    ...base,
    depth: { ok: true, value: bottom.depth, confidence: bottom.depthConfidence },
    trunkLeanDeg: bottom.trunkLeanDeg,
    kneeCommonShift: bottom.kneeCommonShift,
    legs: out,
  };
}

const noLeg = (side: Side): RepValue => ({ ok: false, reason: `${side} leg not measured at the bottom` });

function deepestFrame(frames: readonly SquatFrame[]): SquatFrame | null {
  return frames.reduce<SquatFrame | null>((best, f) => (!best || f.depth > best.depth ? f : best), null);
}

function deepestWith(frames: readonly SquatFrame[], side: Side, key: keyof LegFrame): SquatFrame | null {
  return deepestFrame(frames.filter((f) => f.legs[side]?.[key].ok));
}
