// Keypoints stored as bare arrays in BlazePose's landmark order (the peer's test data:
// frames × 33 × [x, y, z]) → our Pose, joints by name. The order is BlazePose's own, which is the
// order of JOINT_NAMES (types.ts); anything else is refused rather than mislabelled.
import { JOINT_NAMES, type Joint, type JointName, type ModelId, type Pose } from '../types';

export interface ArrayPoseOptions {
  readonly width: number;
  readonly height: number;
  /** Time between frames (ms); frame i gets tMs = i × frameMs. */
  readonly frameMs: number;
  /** The arrays carry no scores: every joint gets this one. */
  readonly score: number;
  readonly model: ModelId;
}

export function posesFromBlazePoseArrays(
  frames: readonly (readonly (readonly number[])[])[],
  o: ArrayPoseOptions,
): Pose[] {
  return frames.map((kps, i) => {
    if (kps.length !== JOINT_NAMES.length)
      throw new Error(`frame ${i}: ${kps.length} keypoints, BlazePose has ${JOINT_NAMES.length}`);
    const joints: Partial<Record<JointName, Joint>> = {};
    for (const [k, name] of JOINT_NAMES.entries()) {
      const [x, y] = kps[k]!;
      if (Number.isFinite(x) && Number.isFinite(y)) joints[name] = { x: x!, y: y!, score: o.score };
    }
    return { tMs: i * o.frameMs, width: o.width, height: o.height, joints, score: o.score, model: o.model };
  });
}
