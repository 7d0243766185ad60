import type { Pose, Side, WorldJoint } from '../types';
import { RAD_TO_DEG } from './angles';
import { MIN_MEASURE_SCORE } from './joints';
import { measured, refuse, type Measurement } from './result';
import { cross3, dot3, length3, normalize3, rejectFrom, scale3, sub3, type Vec3 } from './vec3';

/** BlazePose world axes: y points down, so "up" is −y (true up when the camera is level). */
const UP: Vec3 = { x: 0, y: -1, z: 0 };
/** A heel→toe shorter than this (metres, on the floor plane) is not a foot the model has found. */
const MIN_FOOT_M = 0.05;

/**
 * Foot turn-out: the heel → toe (foot_index) direction on the floor plane against the body's forward
 * direction (perpendicular to the hip line), + toes out, − toes in. From BlazePose's 3D world keypoints:
 * the hip line is the reference, so it does not matter how the body is turned to the camera. A 2D
 * picture from the front sees the foot end-on, where a few pixels make tens of degrees: refused, not guessed.
 */
export function footTurnOut(pose: Pose, side: Side): Measurement<'3d-foot-turn-out'> {
  const w = pose.world;
  if (!w)
    return refuse('foot turn-out needs 3D keypoints (BlazePose); a frontal picture sees the foot end-on');
  const heel = w[`${side}_heel`];
  const toe = w[`${side}_foot_index`];
  const lh = w.left_hip;
  const rh = w.right_hip;
  for (const [name, j] of [
    [`${side} heel`, heel],
    [`${side} toes`, toe],
    ['left hip', lh],
    ['right hip', rh],
  ] as const)
    if (!j || j.score < MIN_MEASURE_SCORE) return refuse(`${name} not clearly visible`);
  const lateral = normalize3(rejectFrom(sub3(lh!, rh!), UP)); // toward the person's left
  if (!lateral) return refuse('the hips coincide in 3D');
  const forward = cross3(lateral, UP);
  const foot = rejectFrom(sub3(toe!, heel!), UP);
  if (length3(foot) < MIN_FOOT_M) return refuse(`the ${side} foot is too short in 3D to give a direction`);
  const outward = side === 'left' ? lateral : scale3(lateral, -1);
  const deg = Math.atan2(dot3(foot, outward), dot3(foot, forward)) * RAD_TO_DEG;
  if (Math.abs(deg) > 90) return refuse(`the ${side} foot points backwards: the keypoints are unreliable`);
  const conf = Math.min(...[heel, toe, lh, rh].map((j) => (j as WorldJoint).score));
  return measured(deg, conf, '3d-foot-turn-out');
}
