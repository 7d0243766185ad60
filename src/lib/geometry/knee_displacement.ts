import type { Pose, Side } from '../types';
import { legJoints } from './joints';
import { measuredRatio, type RatioMeasurement } from './ratio';
import { refuse } from './result';
import { cross, length, sub } from './vec2';

/** Hips closer than this fraction of the longer leg segment: a side view (the same limit measureFppa uses). */
export const MIN_HIP_WIDTH_TO_SEGMENT = 0.15;

/**
 * Medial knee displacement from a frontal view: the knee's distance from the straight hip–ankle line
 * in the image, positive toward the other hip (medial, valgus), negative away from it (varus), divided
 * by a leg length. It is FPPA's distance twin: FPPA is an angle and swings wildly when the thigh is
 * short in the picture, a distance does not.
 *
 * "Medial" is the side of the hip–ankle line the other hip is on, so the sign holds whether the camera
 * sees the person's front or back (as in fppa.ts). Divide by the standing leg length (`legLengthPx`,
 * e.g. from standingBaseline) when you have it: the hip→knee→ankle path shortens as the thigh turns
 * toward the camera in a squat, and the ratio would grow with depth alone.
 */
export function medialKneeDisplacement(
  pose: Pose,
  side: Side,
  legLengthPx?: number,
): RatioMeasurement<'2d-medial-knee-displacement'> {
  const leg = legJoints(pose, side);
  if ('missing' in leg) return refuse(leg.missing);
  const lt = length(sub(leg.knee, leg.hip));
  const ls = length(sub(leg.ankle, leg.knee));
  const line = sub(leg.ankle, leg.hip);
  const lineLength = length(line);
  if (lineLength < 4 || Math.max(lt, ls) < 4) return refuse('thigh or shank too small in the picture');
  if (length(sub(leg.hip, leg.otherHip)) < MIN_HIP_WIDTH_TO_SEGMENT * Math.max(lt, ls))
    return refuse('the hips overlap: knee displacement needs a frontal view');
  const medialSide = cross(line, sub(leg.otherHip, leg.hip));
  if (medialSide === 0) return refuse('the other hip lies on the hip–ankle line: no medial side');
  const norm = legLengthPx ?? lt + ls;
  if (!(norm > 0)) return refuse('no leg length to divide by');
  // Signed perpendicular distance of the knee from the line, + on the other hip's side.
  const offsetPx = (cross(line, sub(leg.knee, leg.hip)) / lineLength) * Math.sign(medialSide);
  return measuredRatio(
    offsetPx / norm,
    Math.min(leg.hip.score, leg.knee.score, leg.ankle.score),
    '2d-medial-knee-displacement',
  );
}
