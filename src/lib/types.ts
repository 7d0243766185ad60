// The one vocabulary every layer shares. Coordinates are always stated, never implied
// (MediaPipe Tasks landmark.d.ts states its units; so do we).

/** BlazePose's 33 landmark names; MoveNet's 17 COCO keypoints are a subset with the same names. */
export const JOINT_NAMES = [
  'nose',
  'left_eye_inner',
  'left_eye',
  'left_eye_outer',
  'right_eye_inner',
  'right_eye',
  'right_eye_outer',
  'left_ear',
  'right_ear',
  'mouth_left',
  'mouth_right',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_pinky',
  'right_pinky',
  'left_index',
  'right_index',
  'left_thumb',
  'right_thumb',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
  'left_heel',
  'right_heel',
  'left_foot_index',
  'right_foot_index',
] as const;

export type JointName = (typeof JOINT_NAMES)[number];

export type Side = 'left' | 'right';

/** The leg joints the product is about: every screen emphasises these. */
export const LEG_JOINTS = [
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
] as const satisfies readonly JointName[];

/** A 2D joint in pixels of the source frame (origin top-left, y down, NOT mirrored), with the model's score 0..1. */
export interface Joint {
  readonly x: number;
  readonly y: number;
  readonly score: number;
}

/** A 3D joint in metres, origin at the hip centre, x to the image right, y down, z away from the camera (BlazePose world landmarks). */
export interface WorldJoint {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly score: number;
}

/** The pose models goniocam can run (the one list: config validation, the CLI and the UI read it). */
export const MODEL_IDS = [
  'movenet-lightning',
  'movenet-thunder',
  'blazepose-lite',
  'blazepose-full',
  'mediapipe-lite',
  'mediapipe-full',
] as const;
export type ModelId = (typeof MODEL_IDS)[number];

/** The guided hip tests, by the patient's position. */
export const HIP_TEST_IDS = ['seated', 'supine', 'prone'] as const;
export type HipTestId = (typeof HIP_TEST_IDS)[number];

/** Every clinical test goniocam runs: the hip tests and the squat screen. */
export const TEST_IDS = [...HIP_TEST_IDS, 'squat'] as const;
export type TestId = (typeof TEST_IDS)[number];

/**
 * The ways geometry turns keypoints into femoral rotation (geometry/hip_rotation.ts dispatches on these;
 * DEFAULT_METHOD there says which each test uses).
 */
export const HIP_METHODS = [
  '2d-hip-line',
  '2d-trunk-axis',
  '2d-supine-trunk',
  '2d-prone-head-end',
  '3d-world',
] as const;
export type HipMethod = (typeof HIP_METHODS)[number];

export type Backend = 'wasm' | 'webgl' | 'mediapipe';

/**
 * One person's pose in one frame. Sides are anatomical: `left_knee` is the person's left knee
 * whatever the camera did; a mirrored (selfie) source is unmirrored by the estimator adapter, once.
 */
export interface Pose {
  /** Timestamp of the frame this pose was estimated from, in ms (capture's clock, passed in). */
  readonly tMs: number;
  /** Source frame size in pixels: the space of `joints`. */
  readonly width: number;
  readonly height: number;
  readonly joints: Readonly<Partial<Record<JointName, Joint>>>;
  /** Present for models that estimate 3D (BlazePose). */
  readonly world?: Readonly<Partial<Record<JointName, WorldJoint>>>;
  /** Overall person score 0..1. */
  readonly score: number;
  readonly model: ModelId;
}

/** Look a joint up by name; undefined when the model did not return it. */
export function joint(pose: Pose, name: JointName): Joint | undefined {
  return pose.joints[name];
}

/** A joint only when its score reaches `minScore`: the usual way downstream code reads a joint. */
export function reliableJoint(pose: Pose, name: JointName, minScore: number): Joint | undefined {
  const j = pose.joints[name];
  return j && j.score >= minScore ? j : undefined;
}
