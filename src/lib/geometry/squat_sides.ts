import { mapPose } from '../pose/map_pose';
import { oppositeSide } from '../pose/mirror';
import type { Pose } from '../types';
import { MIN_MEASURE_SCORE } from './joints';
import type { StandingBaseline } from './standing_baseline';
import { length, sub } from './vec2';

/**
 * A squat's feet stay planted, so each ankle stays where it stood: at the bottom of a deep squat, with the thighs
 * toward the camera, BlazePose often names every left joint "right" (on the rig's deep overhead squats, dev bodies:
 * hips, knees and ankles all swapped in about a third of the bottom frames), and each leg's numbers then go to
 * the other leg. When the ankles named left and right each lie nearer where the other one stood than where it
 * stood itself, the names are swapped back (positions and scores stay). No verdict without both ankles and the
 * standing ankles (a single-leg squat's lifted foot moves).
 */
export function squatStanceSides(pose: Pose, baseline: StandingBaseline): Pose {
  const stood = baseline.ankles;
  const l = pose.joints.left_ankle;
  const r = pose.joints.right_ankle;
  if (!stood?.left || !stood.right || !l || !r) return pose;
  if (l.score < MIN_MEASURE_SCORE || r.score < MIN_MEASURE_SCORE) return pose;
  const same = length(sub(l, stood.left)) + length(sub(r, stood.right));
  const swapped = length(sub(l, stood.right)) + length(sub(r, stood.left));
  if (swapped >= same) return pose;
  return mapPose(
    pose,
    (name, k) => [oppositeSide(name), k],
    (name, k) => [oppositeSide(name), k],
  );
}
