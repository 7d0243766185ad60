import type { JointName, Pose } from '../types';
import { mapPose } from './map_pose';

/** left_knee ↔ right_knee; names without a side stay. */
export function oppositeSide(name: JointName): JointName {
  if (name.startsWith('left_')) return name.replace('left_', 'right_') as JointName;
  if (name.startsWith('right_')) return name.replace('right_', 'left_') as JointName;
  return name;
}

/**
 * Undo a mirrored source (a selfie video): the model labels sides by how the person looks, so in a
 * mirrored frame it calls the person's left knee "right". Flipping x back and swapping the names
 * puts the pose in the unmirrored frame with anatomical sides. Done once, here, at the edge.
 */
export function unmirrorPose(pose: Pose): Pose {
  return mapPose(
    pose,
    (name, j) => [oppositeSide(name), { x: pose.width - j.x, y: j.y, score: j.score }],
    (name, j) => [oppositeSide(name), { x: -j.x, y: j.y, z: j.z, score: j.score }],
  );
}
