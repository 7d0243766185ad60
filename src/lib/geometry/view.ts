import type { Pose, Side } from '../types';
import { legJoints, pair } from './joints';
import { length, sub } from './vec2';

export type ViewKind = 'frontal' | 'side' | 'unclear';

export interface ViewReading {
  readonly view: ViewKind;
  /** Hip width over leg length in the picture; null when the joints are missing. */
  readonly hipWidthRatio: number | null;
  /** Why this view (a sentence, for prompts and reports). */
  readonly reason: string;
}

/**
 * At or above this hip width / leg length the camera sees the front or back of the pelvis. Square on,
 * the hip keypoints sit ≈ 0.2–0.25 of a leg apart; the width falls with the cosine of the body's turn,
 * so 0.14 is reached at ≈ 45°.
 */
export const FRONTAL_MIN_HIP_RATIO = 0.14;
/** At or below this the hips overlap: a side view (the body turned ≳ 70°). */
export const SIDE_MAX_HIP_RATIO = 0.07;

/**
 * Frontal, side or unclear, from how far apart the hips are compared with the legs' length. Roll and
 * distance cancel (a ratio of two lengths in the same picture). What it cannot tell: a body turned 30°
 * still has cos 30° = 87% of its hip width, so "frontal" here means "within ≈ 45° of square on";
 * knee_common_shift.ts catches the turned body once the knees move forward in a squat.
 */
export function classifyView(pose: Pose): ViewReading {
  const hips = pair(pose, 'left_hip', 'right_hip');
  if (!hips) return { view: 'unclear', hipWidthRatio: null, reason: 'both hips must be visible' };
  const legs: number[] = [];
  for (const side of ['left', 'right'] as Side[]) {
    const leg = legJoints(pose, side);
    if (!('missing' in leg)) legs.push(length(sub(leg.knee, leg.hip)) + length(sub(leg.ankle, leg.knee)));
  }
  if (legs.length === 0) return { view: 'unclear', hipWidthRatio: null, reason: 'no whole leg is visible' };
  const legPx = Math.max(...legs);
  if (legPx < 8)
    return { view: 'unclear', hipWidthRatio: null, reason: 'the legs are too small in the picture' };
  const ratio = length(sub(hips[0], hips[1])) / legPx;
  if (ratio >= FRONTAL_MIN_HIP_RATIO)
    return { view: 'frontal', hipWidthRatio: ratio, reason: 'the camera sees the front or back of the hips' };
  if (ratio <= SIDE_MAX_HIP_RATIO)
    return { view: 'side', hipWidthRatio: ratio, reason: 'the hips overlap: the camera sees the side' };
  return {
    view: 'unclear',
    hipWidthRatio: ratio,
    reason: 'the body is turned about halfway between facing the camera and side-on',
  };
}
