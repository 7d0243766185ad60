import type { JointName, Pose } from '../types';

/** A leg joint counts as found at or above this score. MoveNet's own demos draw keypoints from 0.3. */
export const MIN_LEG_JOINT_SCORE = 0.3;
/** Below this overall score there is no person worth talking about. */
export const MIN_PERSON_SCORE = 0.15;

export type PersonState =
  | { readonly kind: 'no-person'; readonly message: string }
  | { readonly kind: 'partial'; readonly missing: readonly JointName[]; readonly message: string }
  | { readonly kind: 'full'; readonly message: string };

const PAIRS = [
  ['hips', 'left_hip', 'right_hip'],
  ['knees', 'left_knee', 'right_knee'],
  ['ankles', 'left_ankle', 'right_ankle'],
] as const;

/** Is a whole lower body in view? Says which leg joints are missing and what to do about it. */
export function classifyVisibility(pose: Pose | null, minScore = MIN_LEG_JOINT_SCORE): PersonState {
  if (!pose || pose.score < MIN_PERSON_SCORE) {
    return {
      kind: 'no-person',
      message: 'No person found — stand or sit facing the camera, 2–3 m away, in good light.',
    };
  }
  const missing: JointName[] = [];
  const parts: string[] = [];
  for (const [label, left, right] of PAIRS) {
    const l = (pose.joints[left]?.score ?? 0) >= minScore;
    const r = (pose.joints[right]?.score ?? 0) >= minScore;
    if (!l) missing.push(left);
    if (!r) missing.push(right);
    if (!l && !r) parts.push(label);
    else if (!l) parts.push(`left ${label.slice(0, -1)}`);
    else if (!r) parts.push(`right ${label.slice(0, -1)}`);
  }
  if (missing.length === 0) return { kind: 'full', message: 'Hips, knees and ankles found.' };
  const what = parts.join(', ');
  const hint = missing.some((m) => m.endsWith('ankle'))
    ? 'step back or tilt the camera down so your feet are in view'
    : missing.some((m) => m.endsWith('hip'))
      ? 'step back or raise the camera so your hips are in view'
      : 'turn to face the camera and keep your legs uncovered';
  return { kind: 'partial', missing, message: `${capitalise(what)} not visible — ${hint}.` };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
