// A counted rep + the frames it was made of → the rep's values (squat_types.ts SquatRep). Pure.
import type { Side } from '../types';
import { SQUAT_LIMITS } from './squat_limits';
import type { Rep } from './squat_reps';
import type { LegFrame, LegRep, RepValue, SquatFrame, SquatRep } from './squat_types';

/**
 * FPPA and knee displacement are read at the deepest frame that could measure them, but only among
 * frames at least `bottomBand` of the rep's deepest hip drop: a value from the first centimetres of
 * the descent is not "at the deepest point", so then the reason from the bottom is reported instead.
 * FPPA is defined near 45–60° of knee flexion, not at the bottom of a deep squat (the thigh points at the
 * camera): in a rep deeper than SQUAT_LIMITS.deepSquatDepth it comes from the deepest frame no deeper than
 * SQUAT_LIMITS.fppaMaxDepth that measured it, on the way down or up.
 * Knee-in is the median over the frames at the bottom itself (SQUAT_LIMITS.kneeInBand of the deepest hip drop:
 * one frame's swapped or misplaced keypoint does not decide it, and the way down and up do not dilute it). Trunk lean, foot turn-out and the turned-body check come from the deepest frame itself. A body
 * turned to the camera beyond the correction's limit stays turned for the whole rep; the knees only show it once
 * they have travelled forward, so when the deepest frame says so, the shallower frames are not asked either.
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
    return { ...base, depth: none, trunkLeanDeg: none, kneeCommonShift: none, kneeIn: none, legs: {} };
  }
  const turned =
    bottom.kneeCommonShift.ok &&
    Math.abs(bottom.kneeCommonShift.value) > SQUAT_LIMITS.maxKneeCommonShift.value;
  const band = turned ? [] : frames.filter((f) => f.depth >= bottomBand * bottom.depth);
  // Knee-in is what the knees do at the bottom: the frames within SQUAT_LIMITS.kneeInBand of the deepest one.
  const kneeBand = band.filter((f) => f.depth >= SQUAT_LIMITS.kneeInBand.value * bottom.depth);
  const fppaMax = SQUAT_LIMITS.fppaMaxDepth.value;
  // A deep squat: FPPA comes from the descent or the rise, no deeper than the limit; otherwise from the bottom band.
  const deep = bottom.depth > SQUAT_LIMITS.deepSquatDepth.value;
  const fppaFrames = turned ? [] : deep ? frames.filter((f) => f.depth <= fppaMax) : band;
  const deepestFppaFrame = deepestFrame(fppaFrames);
  // Beyond the turn correction's limit nothing sideways is read, knee-in included (the reason is the frame's).
  const turnedWhy = (v: RepValue | undefined, side: Side): RepValue =>
    v && !v.ok ? v : { ok: false, reason: `${side} knee: the body is turned to the camera` };
  const out: Partial<Record<Side, LegRep>> = {};
  for (const side of legs) {
    const atBottom = bottom.legs[side];
    const fppa = deepestWith(fppaFrames, side, 'fppaDeg');
    const medial = deepestWith(band, side, 'medialKneeDisplacement');
    out[side] = {
      fppaDeg: fppa
        ? fppa.legs[side]!.fppaDeg
        : turned
          ? (atBottom?.fppaDeg ?? noLeg(side))
          : deepestFppaFrame
            ? (deepestFppaFrame.legs[side]?.fppaDeg ?? noLeg(side))
            : {
                ok: false,
                reason: `FPPA is defined near 45–60° of knee flexion, not at the bottom of a deep squat: no frame of this rep was seen no deeper than a hip drop of ${fppaMax}`,
              },
      fppaAtDepth: fppa ? fppa.depth : null,
      fppaAtMs: fppa ? fppa.tMs : null,
      medialKneeDisplacement: medial
        ? medial.legs[side]!.medialKneeDisplacement
        : (atBottom?.medialKneeDisplacement ?? noLeg(side)),
      footTurnOutDeg: atBottom?.footTurnOutDeg ?? noLeg(side),
      kneeIn: turned
        ? turnedWhy(atBottom?.fppaDeg, side)
        : medianOf(
            kneeBand.map((f) => f.legs[side]?.kneeIn ?? noLeg(side)),
            atBottom?.kneeIn ?? noLeg(side),
          ),
    };
  }
  return {
    ...base,
    depth: { ok: true, value: bottom.depth, confidence: bottom.depthConfidence },
    trunkLeanDeg: bottom.trunkLeanDeg,
    kneeCommonShift: bottom.kneeCommonShift,
    kneeIn: turned
      ? turnedWhy(bottom.trunkLeanDeg, legs[0]!)
      : medianOf(
          kneeBand.map((f) => f.kneeIn),
          bottom.kneeIn,
        ),
    legs: out,
  };
}

const noLeg = (side: Side): RepValue => ({ ok: false, reason: `${side} leg not measured at the bottom` });

/** The median of the values that exist (confidence: their mean), or `otherwise` when none does. */
function medianOf(values: readonly RepValue[], otherwise: RepValue): RepValue {
  const ok = values.flatMap((v) => (v.ok ? [v] : []));
  if (ok.length === 0) return otherwise;
  const xs = ok.map((v) => v.value).sort((a, b) => a - b);
  const m = xs.length;
  const value = m % 2 ? xs[(m - 1) / 2]! : (xs[m / 2 - 1]! + xs[m / 2]!) / 2;
  return { ok: true, value, confidence: ok.reduce((a, v) => a + v.confidence, 0) / m };
}

function deepestFrame(frames: readonly SquatFrame[]): SquatFrame | null {
  return frames.reduce<SquatFrame | null>((best, f) => (!best || f.depth > best.depth ? f : best), null);
}

function deepestWith(frames: readonly SquatFrame[], side: Side, key: keyof LegFrame): SquatFrame | null {
  return deepestFrame(frames.filter((f) => f.legs[side]?.[key].ok));
}
