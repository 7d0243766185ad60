import type { Pose } from '../types';
import { mapPose } from './map_pose';

/**
 * How far the frame is turned before the model sees it. 180: the camera looks at the person upside down
 * (prone, camera behind the head: the feet at the top of the picture, the head at the bottom), and the
 * models read a body far better with the head at the top (README, prone). Turned once here, at the edge,
 * and the keypoints turned back, so everything downstream sees the frame as it came from the camera
 * (frame_turner.ts turns the frames; this file stays free of tfjs so the first screen can import it).
 */
export type FrameRotation = 0 | 180;
export const FRAME_ROTATIONS: readonly FrameRotation[] = [0, 180];

/**
 * Keypoints found in a frame turned 180° → the frame's own pixels: x → W − x, y → H − y (the continuous
 * pixel coordinates of pixel i become those of pixel W − 1 − i). A turn is a rotation, not a mirror, so the
 * person's left stays "left". World keypoints (x image-right, y image-down, z away from the camera) are a
 * camera rolled 180° about its optical axis: x and y negated, z unchanged.
 */
export function turnPoseBack180(pose: Pose): Pose {
  return mapPose(
    pose,
    (name, j) => [name, { x: pose.width - j.x, y: pose.height - j.y, score: j.score }],
    (name, j) => [name, { x: -j.x, y: -j.y, z: j.z, score: j.score }],
  );
}
