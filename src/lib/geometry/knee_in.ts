import type { Pose, Side } from '../types';
import { legJoints } from './joints';
import { measuredRatio, type RatioMeasurement } from './ratio';
import { refuse } from './result';
import type { StandingBaseline } from './standing_baseline';
import { dot, normalize, perp, sub, type Vec2 } from './vec2';

/**
 * Knee-in: what a trainer watches in the overhead squat assessment, whether the knees move inward relative to the
 * feet. In a frontal picture: how far the knee has moved sideways relative to its own ankle since standing, toward
 * the other leg (+, knees in, valgus) or away from it (−, knees out), as a fraction of the standing leg length.
 *
 * Unlike FPPA (an angle at the knee, meaningless once the thigh points at the camera) and medial knee displacement
 * (distance from the hip–ankle line, which turns with the hip dropping toward the knees), it needs neither the
 * thigh's nor the hip's place in the picture, so it holds at the bottom of a deep squat. "Sideways" is across the
 * standing body (perpendicular to the standing hip-mid → ankle-mid line), so camera roll cancels; "medial" is the
 * other hip's side, so it holds whether the camera sees the front or the back. Taking the change from standing
 * removes each person's own stance (feet wider than the hips, knock-knees or bow legs standing).
 *
 * A camera turned off square sees the knees' forward travel over the toes as sideways movement, the same way for
 * both knees: see kneeInPair for that.
 */
export type KneeInMethod = '2d-knee-in';

/** The sideways axis of a standing baseline (unit, perpendicular to hip-mid → ankle-mid), or null. */
export function acrossAxis(baseline: Pick<StandingBaseline, 'hipMid' | 'ankleMid'>): Vec2 | null {
  const down = normalize(sub(baseline.ankleMid, baseline.hipMid));
  return down ? perp(down) : null;
}

/** The knee's offset from its ankle along `across`, pixels, + toward the other hip; or why there is none. */
export function kneeOverAnklePx(pose: Pose, side: Side, across: Vec2): number | { reason: string } {
  const leg = legJoints(pose, side);
  if ('missing' in leg) return { reason: leg.missing };
  const medial = Math.sign(dot(sub(leg.otherHip, leg.hip), across));
  if (medial === 0) return { reason: 'the hips are level across the picture: no medial side' };
  return medial * dot(sub(leg.knee, leg.ankle), across);
}

/** One leg's knee-in against the standing baseline (which must carry that leg's standing knee-over-ankle). */
export function kneeIn(pose: Pose, side: Side, baseline: StandingBaseline): RatioMeasurement<KneeInMethod> {
  const across = acrossAxis(baseline);
  if (!across || !(baseline.legLengthPx > 0)) return refuse('the standing reference has no leg length');
  const standing = baseline.kneeOverAnklePx?.[side];
  if (standing === undefined) return refuse(`no standing reference for the ${side} knee`);
  const now = kneeOverAnklePx(pose, side, across);
  if (typeof now !== 'number') return refuse(now.reason);
  const leg = legJoints(pose, side);
  const confidence = 'missing' in leg ? 0 : Math.min(leg.hip.score, leg.knee.score, leg.ankle.score);
  return measuredRatio((now - standing) / baseline.legLengthPx, confidence, '2d-knee-in');
}
