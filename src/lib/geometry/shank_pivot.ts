// Seated, where the shank turns: the neutral knee keypoint moved up the neutral shank's line when the other shank
// reads longer than this one.
//
// A guided seated trial turns the shank about the knee the neutral hold showed (pinned_knee.ts 'whole'). On some
// bodies BlazePose places that neutral knee a quarter of the shank low (dev rig clips: q-women-SciFi's left knee
// +0.26 of the shank, q-women-Worker's +0.22; most bodies within ±0.06; never placed high). Turning about a pivot that
// low reads every turn long: 27° read 35°, 40° read 55° (atan(L sin θ / (L cos θ − δ))). A person's shanks are the
// same length, and the untested one, out to the side, reads a little shorter than the tested one where the model
// places both knees right (true joints 0.92–0.96 of it: OTHER_SHANK_SEEN; the model's 0.88–0.98), so an other shank
// longer than that says the tested knee sits low: the pivot goes up the line until the two match. Only ever
// lengthened (the model does not place knees high), and by at most MAX_LENGTHEN (a knee further off than that is a
// lost one the thigh check refuses). Pure.
import type { Pose, Side } from '../types';
import { MIN_MEASURE_SCORE, otherSide } from './joints';
import { add, length, scale, sub, type Vec2 } from './vec2';

/** The most a shank is lengthened: the dev bodies' worst low knee needed 1.30. */
export const MAX_LENGTHEN = 1.4;

/**
 * How long the untested shank, out to the side, looks next to the tested one when both knees are where they are: the
 * abducted thigh swings its knee back as well as out, away from the camera, so even the true joints show it 0.92–0.96
 * as long (dev rig clips, 2.5 m camera). The pivot matches the tested shank to the other's length over this. Chosen on
 * the dev bodies' guided seated clips, followed (scripts/guided_bodies.ts --test seated --bodies dev --follow;
 * docs/accuracy.md): 1 (the shanks compared as they look) 40 of 48 directions within 4°, MAE 1.9°, worst 5.9°; 0.95
 * 42, 1.7°, 5.0°; 0.92 43, 1.7°, but 6.1° (a knee placed right pushed too high). 0.95, the less of the true range,
 * moves a well-placed pivot least.
 */
export const OTHER_SHANK_SEEN = 0.95;

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
 * The knee moved up the ankle → knee line so that the shank is as long as `otherPx` / OTHER_SHANK_SEEN (when that is
 * longer, by at most MAX_LENGTHEN); the knee itself otherwise.
 */
export function pivotKnee(knee: Vec2, ankle: Vec2, otherPx: number | null | undefined): Vec2 {
  const up = sub(knee, ankle);
  const own = length(up);
  if (!otherPx || !Number.isFinite(otherPx) || own < 1e-6) return knee;
  const target = otherPx / OTHER_SHANK_SEEN;
  if (target <= own) return knee;
  return add(ankle, scale(up, Math.min(target / own, MAX_LENGTHEN)));
}
