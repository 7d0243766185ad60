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

/**
 * The pose with both knees moved back by a common shift (`shift`, + toward the person's left, a fraction of
 * `legLengthPx`, as kneeCommonShift gives it), along the hip line: a body turned to the camera then reads as if
 * square on, its knees' forward travel no longer seen as sideways movement. What unequal valgus leaked into the
 * shift goes too (half the left/right difference), so the legs read more alike than they are. Unchanged without
 * both hips or a knee.
 */
export function withoutCommonShift(pose: Pose, shift: number, legLengthPx: number): Pose {
  const { left_hip: lh, right_hip: rh, left_knee: lk, right_knee: rk } = pose.joints;
  if (!lh || !rh || !lk || !rk) return pose;
  const dx = lh.x - rh.x;
  const dy = lh.y - rh.y;
  const n = Math.hypot(dx, dy);
  if (!(n > 0)) return pose;
  // Toward the person's left in the picture is from the right hip to the left hip.
  const mx = (-shift * legLengthPx * dx) / n;
  const my = (-shift * legLengthPx * dy) / n;
  return {
    ...pose,
    joints: {
      ...pose.joints,
      left_knee: { ...lk, x: lk.x + mx, y: lk.y + my },
      right_knee: { ...rk, x: rk.x + mx, y: rk.y + my },
    },
  };
}
