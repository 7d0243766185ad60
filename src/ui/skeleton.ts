import type { JointName } from '../lib/types';

/** Bones as joint-name pairs (MediaPipe drawing_utils style): the overlay draws whatever pairs it is given. */
export type Bone = readonly [JointName, JointName];

export const LEG_BONES: readonly Bone[] = [
  ['left_hip', 'right_hip'],
  ['left_hip', 'left_knee'],
  ['left_knee', 'left_ankle'],
  ['right_hip', 'right_knee'],
  ['right_knee', 'right_ankle'],
  ['left_ankle', 'left_heel'],
  ['left_heel', 'left_foot_index'],
  ['left_ankle', 'left_foot_index'],
  ['right_ankle', 'right_heel'],
  ['right_heel', 'right_foot_index'],
  ['right_ankle', 'right_foot_index'],
];

export const UPPER_BONES: readonly Bone[] = [
  ['left_shoulder', 'right_shoulder'],
  ['left_shoulder', 'left_hip'],
  ['right_shoulder', 'right_hip'],
  ['left_shoulder', 'left_elbow'],
  ['left_elbow', 'left_wrist'],
  ['right_shoulder', 'right_elbow'],
  ['right_elbow', 'right_wrist'],
  ['left_ear', 'left_eye'],
  ['right_ear', 'right_eye'],
  ['left_eye', 'nose'],
  ['right_eye', 'nose'],
];
