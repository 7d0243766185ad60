// The modified 90/90 sitting position seen from overhead (the camera above, looking down at the floor, as
// for the supine test): both legs lie on the floor, so the knee angles and the directions of thighs and
// shanks are true angles in the picture. The back leg is the stretched one: its thigh points out to the
// side and its shank back, behind the knee (the hip turned inward); the front shank runs across, the way
// the back thigh points. Pure.
import type { Pose, Side } from '../types';
import { RAD_TO_DEG, safeAcosDeg } from './angles';
import { legJoints, otherSide, pair } from './joints';
import { measured, refuse, type Measurement } from './result';
import { dot, length, midpoint, normalize, scale, sub, type Vec2 } from './vec2';

export interface NinetyNinetyPosture {
  readonly backSide: Side;
  /** Hip–knee–ankle angle in the picture (90 = a right angle). */
  readonly frontKneeDeg: number;
  readonly backKneeDeg: number;
  /** Angle between the back shank and straight back (the reverse of the front thigh): 0 = foot right behind. */
  readonly backShankOffDeg: number;
  /** Angle between the front shank and the way the back thigh points: 0 = shin straight across. */
  readonly frontShankOffDeg: number;
  /** Angle between the two thighs (90 in the textbook position). */
  readonly thighsDeg: number;
  /** Lowest score of the joints used. */
  readonly confidence: number;
}

const angleDeg = (a: Vec2, b: Vec2): number => safeAcosDeg(dot(a, b) / Math.max(1e-9, length(a) * length(b)));

/** Both legs' angles with `backSide` as the back leg, or why they cannot be read. */
export function ninetyNinetyPosture(pose: Pose, backSide: Side): NinetyNinetyPosture | { reason: string } {
  const back = legJoints(pose, backSide);
  if ('missing' in back) return { reason: back.missing };
  const front = legJoints(pose, otherSide(backSide));
  if ('missing' in front) return { reason: front.missing };
  const tB = sub(back.knee, back.hip);
  const sB = sub(back.ankle, back.knee);
  const tF = sub(front.knee, front.hip);
  const sF = sub(front.ankle, front.knee);
  const shortest = Math.min(length(tB), length(sB), length(tF), length(sF));
  if (shortest < 6) return { reason: 'a thigh or shin is too small in the picture: move the camera closer' };
  return {
    backSide,
    backKneeDeg: angleDeg(scale(tB, -1), sB),
    frontKneeDeg: angleDeg(scale(tF, -1), sF),
    backShankOffDeg: angleDeg(sB, scale(tF, -1)),
    frontShankOffDeg: angleDeg(sF, tB),
    thighsDeg: angleDeg(tB, tF),
    confidence: Math.min(
      back.hip.score,
      back.knee.score,
      back.ankle.score,
      front.knee.score,
      front.ankle.score,
    ),
  };
}

/**
 * Overhead, an upright trunk's shoulders sit over the hips; seen from above the trunk's length is hidden,
 * so it is taken as this many shoulder widths (1.3–1.6 in the rig's lying bodies, supine_rotation.ts).
 */
export const TRUNK_PER_SHOULDER_WIDTH = 1.5;

/**
 * How far the trunk hinges forward over the front shin: the shoulders' shift from the hips toward the front
 * shin's middle, against an assumed trunk length (TRUNK_PER_SHOULDER_WIDTH), as a lean angle. A rough guide:
 * confidence is capped at 0.6 because the trunk's length is assumed, not seen.
 */
export function forwardHinge(pose: Pose, backSide: Side): Measurement<'2d-overhead-hinge'> {
  const front = legJoints(pose, otherSide(backSide));
  if ('missing' in front) return refuse(front.missing);
  const shoulders = pair(pose, 'left_shoulder', 'right_shoulder');
  if (!shoulders) return refuse('both shoulders must be clearly visible');
  const hipMid = midpoint(front.hip, front.otherHip);
  const toShin = normalize(sub(midpoint(front.knee, front.ankle), hipMid), 1e-6);
  if (!toShin) return refuse('the front shin is under the hips');
  const widthPx = length(sub(shoulders[0], shoulders[1]));
  if (widthPx < 6) return refuse('the shoulders are too small in the picture');
  const shift = dot(sub(midpoint(shoulders[0], shoulders[1]), hipMid), toShin);
  const s = Math.max(-1, Math.min(1, shift / (TRUNK_PER_SHOULDER_WIDTH * widthPx)));
  const conf = Math.min(0.6, shoulders[0].score, shoulders[1].score, front.hip.score, front.otherHip.score);
  return measured(Math.asin(s) * RAD_TO_DEG, conf, '2d-overhead-hinge');
}
