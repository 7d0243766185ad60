import type { Pose } from '../types';
import { pair, MIN_MEASURE_SCORE } from './joints';

/**
 * Which way a person seen from the side faces in the picture: +1 toward image right, −1 toward image
 * left, or the reason it can't be told. The feet say it best (heel → toes, BlazePose); without them
 * the nose sits ahead of the ears.
 */
export function facingInImage(pose: Pose): { sign: 1 | -1 } | { reason: string } {
  let footDx = 0;
  let feet = 0;
  for (const side of ['left', 'right'] as const) {
    const f = pair(pose, `${side}_heel`, `${side}_foot_index`);
    if (!f) continue;
    const dx = f[1].x - f[0].x;
    // Only a foot seen lengthwise says anything: mostly sideways in the picture.
    if (Math.abs(dx) > Math.abs(f[1].y - f[0].y)) {
      footDx += dx;
      feet++;
    }
  }
  if (feet > 0 && footDx !== 0) return { sign: footDx > 0 ? 1 : -1 };
  const nose = pose.joints.nose;
  const ears = (['left_ear', 'right_ear'] as const)
    .map((n) => pose.joints[n])
    .filter((j) => j && j.score >= MIN_MEASURE_SCORE);
  if (nose && nose.score >= MIN_MEASURE_SCORE && ears.length > 0) {
    const earX = ears.reduce((s, j) => s + j!.x, 0) / ears.length;
    if (Math.abs(nose.x - earX) >= 3) return { sign: nose.x > earX ? 1 : -1 };
  }
  return { reason: 'cannot tell which way the person faces (feet and face not clear)' };
}
