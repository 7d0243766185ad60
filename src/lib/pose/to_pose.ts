import type { JointName, ModelId, Pose, WorldJoint, Joint } from '../types';
import { JOINT_NAMES } from '../types';

/** The subset of pose-detection's Keypoint we read. */
export interface RawKeypoint {
  readonly x: number;
  readonly y: number;
  readonly z?: number;
  readonly score?: number;
  readonly name?: string;
}

export interface RawPose {
  readonly keypoints: readonly RawKeypoint[];
  readonly keypoints3D?: readonly RawKeypoint[];
  readonly score?: number;
}

const KNOWN = new Set<string>(JOINT_NAMES);

/**
 * pose-detection keypoints → our Pose: joints by name (never by index), pixel coordinates of the
 * source frame, scores clamped to 0..1, non-finite points dropped rather than passed on as NaN.
 */
export function toPose(raw: RawPose, model: ModelId, width: number, height: number, tMs: number): Pose {
  const joints: Partial<Record<JointName, Joint>> = {};
  for (const k of raw.keypoints) {
    if (!k.name || !KNOWN.has(k.name) || !Number.isFinite(k.x) || !Number.isFinite(k.y)) continue;
    joints[k.name as JointName] = { x: k.x, y: k.y, score: clamp01(k.score ?? 0) };
  }
  let world: Partial<Record<JointName, WorldJoint>> | undefined;
  if (raw.keypoints3D?.length) {
    world = {};
    for (const k of raw.keypoints3D) {
      if (!k.name || !KNOWN.has(k.name) || ![k.x, k.y, k.z].every(Number.isFinite)) continue;
      world[k.name as JointName] = { x: k.x, y: k.y, z: k.z ?? 0, score: clamp01(k.score ?? 0) };
    }
  }
  const scores = Object.values(joints).map((j) => j.score);
  const score = raw.score ?? (scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0);
  return { tMs, width, height, joints, ...(world ? { world } : {}), score: clamp01(score), model };
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}
