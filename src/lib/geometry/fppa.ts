import type { Pose, Side } from '../types';
import { safeAcosDeg } from './angles';
import { legJoints } from './joints';
import { refuse, measured, type Measurement } from './result';
import { cross, dot, length, sub } from './vec2';

/** Thigh shorter than this fraction of the shank in the image: too foreshortened for FPPA. */
export const MIN_THIGH_TO_SHANK = 0.5;

/**
 * Knee frontal plane projection angle (FPPA) from a frontal view: 180° minus the hip–knee–ankle angle
 * in the image, positive when the knee sits medial of the hip–ankle line (valgus), negative for varus.
 * "Medial" is toward the other hip, so the sign holds whether the camera sees the front or the back.
 */
export function measureFppa(pose: Pose, side: Side): Measurement<'2d-fppa'> {
  const leg = legJoints(pose, side);
  if ('missing' in leg) return refuse(leg.missing);
  const thigh = sub(leg.hip, leg.knee);
  const shank = sub(leg.ankle, leg.knee);
  const lt = length(thigh);
  const ls = length(shank);
  if (lt < 4 || ls < 4) return refuse('thigh or shank too small in the picture');
  // Deep in a squat seen from the front the thigh points at the camera: its image direction is then
  // noise and FPPA (defined for ~45–60° knee flexion) stops meaning anything.
  if (lt < MIN_THIGH_TO_SHANK * ls)
    return refuse('the thigh points at the camera (too deep for a frontal FPPA)');
  const hipWidth = length(sub(leg.hip, leg.otherHip));
  if (hipWidth < 0.15 * Math.max(lt, ls)) return refuse('the hips overlap: FPPA needs a frontal view');
  const interior = safeAcosDeg(dot(thigh, shank) / (lt * ls));
  const magnitude = 180 - interior;
  // Which side of the hip→ankle line is the knee on, compared with the other hip?
  const line = sub(leg.ankle, leg.hip);
  const kneeSide = cross(line, sub(leg.knee, leg.hip));
  const medialSide = cross(line, sub(leg.otherHip, leg.hip));
  const sign = kneeSide === 0 ? 1 : Math.sign(kneeSide) === Math.sign(medialSide) ? 1 : -1;
  return measured(sign * magnitude, Math.min(leg.hip.score, leg.knee.score, leg.ankle.score), '2d-fppa');
}

/** Knee flexion from the image: 0° straight, 90° bent at a right angle (honest only in a side view). */
export function kneeFlexion2D(pose: Pose, side: Side): Measurement<'2d-knee-flexion'> {
  const leg = legJoints(pose, side);
  if ('missing' in leg) return refuse(leg.missing);
  const thigh = sub(leg.hip, leg.knee);
  const shank = sub(leg.ankle, leg.knee);
  const lt = length(thigh);
  const ls = length(shank);
  if (lt < 4 || ls < 4) return refuse('thigh or shank too small in the picture');
  return measured(
    180 - safeAcosDeg(dot(thigh, shank) / (lt * ls)),
    Math.min(leg.hip.score, leg.knee.score, leg.ankle.score),
    '2d-knee-flexion',
  );
}
