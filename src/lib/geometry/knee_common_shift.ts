import type { Pose } from '../types';
import { medialKneeDisplacement } from './knee_displacement';
import { measuredRatio, type RatioMeasurement } from './ratio';
import { refuse } from './result';

/**
 * The part of the two knees' sideways displacement that is the same for both legs, + toward the
 * person's left, as a fraction of leg length.
 *
 * Valgus moves both knees toward the midline (opposite directions in the picture), varus both away:
 * that cancels here. A knee moving *forward* over the toes does not show in a square-on frontal view,
 * but when the body is turned to the camera it shows up as both knees sliding the same way in the
 * picture, and each leg's FPPA then mixes in that forward travel (one knee looks valgus, the other
 * varus). A large common shift therefore says "this view cannot give FPPA", whatever the thresholds.
 * Unequal valgus leaks half its left/right difference in here (small: 0.02 of a leg for 8° vs 20° at
 * 0.3 depth).
 * With m = medial displacement per leg: leftward shift of the left knee is −m_left, of the right +m_right.
 */
export function kneeCommonShift(pose: Pose, legLengthPx?: number): RatioMeasurement<'2d-knee-common-shift'> {
  const left = medialKneeDisplacement(pose, 'left', legLengthPx);
  if (!left.ok) return refuse(left.reason);
  const right = medialKneeDisplacement(pose, 'right', legLengthPx);
  if (!right.ok) return refuse(right.reason);
  return measuredRatio(
    (right.value - left.value) / 2,
    Math.min(left.confidence, right.confidence),
    '2d-knee-common-shift',
  );
}
