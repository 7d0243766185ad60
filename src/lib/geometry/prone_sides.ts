import { mapPose } from '../pose/map_pose';
import { oppositeSide } from '../pose/mirror';
import type { Pose } from '../types';
import { MIN_MEASURE_SCORE } from './joints';
import { cross, midpoint, sub } from './vec2';

/**
 * Prone, camera behind the head looking along the body: the pose models often read the person's back as a
 * front and call every left joint "right" (issue 10: on the dev bodies MoveNet Thunder did so in 11 of 52
 * prone views, so the straight leg was measured as the tested one, read as a camera "looking down too
 * steeply" or as a rotation tens of degrees off). The view fixes the handedness: the camera faces the way
 * the person's head points, so its right is the person's left. With the shoulders down the picture from the
 * hips (toward the camera), the right hip → left hip line turned toward the shoulders is then a positive
 * cross product (image y down). A pose with the opposite sign has its sides named the other way round, and
 * the names are swapped back; positions and scores stay. No verdict without both hips and both shoulders.
 *
 * Chosen on the dev bodies (13.5° → 6.7° MAE, 37 → 40 of 52 measured), shown on the report bodies
 * (6.9° → 6.2°, 28 → 38 of 48): docs/accuracy.md.
 */
export function proneHeadEndSides(pose: Pose): Pose {
  const j = pose.joints;
  const ok = (n: keyof typeof j) => (j[n]?.score ?? 0) >= MIN_MEASURE_SCORE;
  if (!ok('left_hip') || !ok('right_hip') || !ok('left_shoulder') || !ok('right_shoulder')) return pose;
  const hips = midpoint(j.left_hip!, j.right_hip!);
  const towardCamera = sub(midpoint(j.left_shoulder!, j.right_shoulder!), hips);
  const hipLine = sub(j.left_hip!, j.right_hip!);
  if (cross(hipLine, towardCamera) >= 0) return pose;
  return mapPose(
    pose,
    (name, k) => [oppositeSide(name), k],
    (name, k) => [oppositeSide(name), k],
  );
}
