import type { Joint, JointName, Pose, WorldJoint } from '../types';

/**
 * A pose with every 2D and world joint moved by the given maps (and possibly renamed, for a mirror):
 * the one loop that unmirroring and turning a frame back both need.
 */
export function mapPose(
  pose: Pose,
  joint: (name: JointName, j: Joint) => [JointName, Joint],
  world: (name: JointName, j: WorldJoint) => [JointName, WorldJoint],
): Pose {
  const joints: Partial<Record<JointName, Joint>> = {};
  for (const [name, j] of Object.entries(pose.joints) as [JointName, Joint][]) {
    const [to, moved] = joint(name, j);
    joints[to] = moved;
  }
  if (!pose.world) return { ...pose, joints };
  const w: Partial<Record<JointName, WorldJoint>> = {};
  for (const [name, j] of Object.entries(pose.world) as [JointName, WorldJoint][]) {
    const [to, moved] = world(name, j);
    w[to] = moved;
  }
  return { ...pose, joints, world: w };
}
