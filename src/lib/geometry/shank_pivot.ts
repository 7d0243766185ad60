// Seated, where the shank turns: the neutral knee keypoint moved up the neutral shank's line when the other shank
// reads longer than this one.
//
// A guided seated trial turns the shank about the knee the neutral hold showed (pinned_knee.ts 'whole'). On some
// bodies BlazePose places that neutral knee a quarter of the shank low (dev rig clips: q-women-SciFi's left knee
// +0.26 of the shank, q-women-Worker's +0.22; most bodies within ±0.06; never placed high). Turning about a pivot that
// low reads every turn long: 27° read 35°, 40° read 55° (atan(L sin θ / (L cos θ − δ))). A person's shanks are the
// same length, and the untested one, out to the side, reads no longer than the tested one where the model places
// both knees right (dev: 0.88–0.98 of it), so a longer other shank says the tested knee sits low: the pivot goes up
// the line until the two match. Only ever lengthened (the model does not place knees high), and by at most
// MAX_LENGTHEN (a knee further off than that is a lost one the thigh check refuses). Pure.
import type { Pose, Side } from '../types';
import { MIN_MEASURE_SCORE, otherSide } from './joints';
import { add, length, scale, sub, type Vec2 } from './vec2';

/** The most a shank is lengthened: the dev bodies' worst low knee needed 1.30. */
export const MAX_LENGTHEN = 1.4;

/** The untested leg's knee → ankle length in the picture; null when either is not clearly seen. */
export function otherShankPx(pose: Pose, side: Side, minScore = MIN_MEASURE_SCORE): number | null {
  const o = otherSide(side);
  const knee = pose.joints[`${o}_knee`];
  const ankle = pose.joints[`${o}_ankle`];
  if (!knee || !ankle || knee.score < minScore || ankle.score < minScore) return null;
  if (!Number.isFinite(knee.x + knee.y + ankle.x + ankle.y)) return null;
  return length(sub(ankle, knee));
}

/**
 * The knee moved up the ankle → knee line so that the shank is as long as `otherPx` (when that is longer, by at most
 * MAX_LENGTHEN); the knee itself otherwise.
 */
export function pivotKnee(knee: Vec2, ankle: Vec2, otherPx: number | null | undefined): Vec2 {
  const up = sub(knee, ankle);
  const own = length(up);
  if (!otherPx || !Number.isFinite(otherPx) || own < 1e-6 || otherPx <= own) return knee;
  return add(ankle, scale(up, Math.min(otherPx / own, MAX_LENGTHEN)));
}
