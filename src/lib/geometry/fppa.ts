import type { Pose, Side } from '../types';
import { safeAcosDeg } from './angles';
import { legJoints, type LegJoints } from './joints';
import { refuse, measured, type Measurement } from './result';
import { cross, dot, length, sub } from './vec2';

/** Thigh shorter than this fraction of the shank in the image: too foreshortened for FPPA. */
export const MIN_THIGH_TO_SHANK = 0.5;
/**
 * Beyond this the FPPA is not a knee's: single-leg squat FPPA in adults spans about −10° to +30° even in the
 * most valgus groups, so a larger reading is a misplaced keypoint (a 102° reading for a 24° truth was once shown,
 * issue 10) and is refused, never shown.
 */
export const MAX_PLAUSIBLE_FPPA_DEG = 45;

/**
 * Knee frontal plane projection angle (FPPA) from a frontal view: 180° minus the hip–knee–ankle angle
 * in the image, positive when the knee sits medial of the hip–ankle line (valgus), negative for varus.
 * "Medial" is toward the other hip, so the sign holds whether the camera sees the front or the back.
 */
export function measureFppa(pose: Pose, side: Side): Measurement<'2d-fppa'> {
  const k = kneeSegments(pose, side);
  if ('reason' in k) return refuse(k.reason);
  const { leg, lt, ls } = k;
  // Deep in a squat seen from the front the thigh points at the camera: its image direction is then
  // noise and FPPA (defined for ~45–60° knee flexion) stops meaning anything.
  if (lt < MIN_THIGH_TO_SHANK * ls)
    return refuse('the thigh points at the camera (too deep for a frontal FPPA)');
  const hipWidth = length(sub(leg.hip, leg.otherHip));
  if (hipWidth < 0.15 * Math.max(lt, ls)) return refuse('the hips overlap: FPPA needs a frontal view');
  const magnitude = 180 - k.interiorDeg;
  // Which side of the hip→ankle line is the knee on, compared with the other hip?
  const line = sub(leg.ankle, leg.hip);
  const kneeSide = cross(line, sub(leg.knee, leg.hip));
  const medialSide = cross(line, sub(leg.otherHip, leg.hip));
  const sign = kneeSide === 0 ? 1 : Math.sign(kneeSide) === Math.sign(medialSide) ? 1 : -1;
  if (magnitude > MAX_PLAUSIBLE_FPPA_DEG)
    return refuse(
      `an FPPA of ${Math.round(sign * magnitude)}° is beyond any knee's range (±${MAX_PLAUSIBLE_FPPA_DEG}°): a keypoint is misplaced`,
    );
  return measured(sign * magnitude, k.confidence, '2d-fppa');
}

/** Knee flexion from the image: 0° straight, 90° bent at a right angle (honest only in a side view). */
export function kneeFlexion2D(pose: Pose, side: Side): Measurement<'2d-knee-flexion'> {
  const k = kneeSegments(pose, side);
  return 'reason' in k ? refuse(k.reason) : measured(180 - k.interiorDeg, k.confidence, '2d-knee-flexion');
}

/** The leg's joints, thigh and shank lengths in the image and the hip–knee–ankle angle, or why not. */
interface KneeSegments {
  readonly leg: LegJoints;
  readonly lt: number;
  readonly ls: number;
  readonly interiorDeg: number;
  readonly confidence: number;
}

function kneeSegments(pose: Pose, side: Side): KneeSegments | { reason: string } {
  const leg = legJoints(pose, side);
  if ('missing' in leg) return { reason: leg.missing };
  const thigh = sub(leg.hip, leg.knee);
  const shank = sub(leg.ankle, leg.knee);
  const lt = length(thigh);
  const ls = length(shank);
  if (lt < 4 || ls < 4) return { reason: 'thigh or shank too small in the picture' };
  return {
    leg,
    lt,
    ls,
    interiorDeg: safeAcosDeg(dot(thigh, shank) / (lt * ls)),
    confidence: Math.min(leg.hip.score, leg.knee.score, leg.ankle.score),
  };
}
