// One recorded frame on a canvas with the skeleton the model found in it, as the live overlay draws it
// (overlay.ts). Shared by the scrub viewer and the peak thumbnails. DOM only; no measuring here.
import type { Pose } from '../../lib/types';
import { drawPose, legStyle, UPPER } from '../overlay';
import { LEG_BONES, UPPER_BONES } from '../skeleton';

/**
 * Paint `frame` scaled to the canvas' size, and `pose` (source-frame pixels of the upright frame, the
 * size the pose says) scaled the same way. Returns how many joints were drawn (0 without a pose).
 */
export function paintFrame(
  canvas: HTMLCanvasElement,
  frame: CanvasImageSource & { width: number; height: number },
  pose: Pose | null,
  maxWidth: number,
): number {
  const scale = Math.min(1, maxWidth / frame.width);
  const w = Math.round(frame.width * scale);
  const h = Math.round(frame.height * scale);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return 0;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(frame, 0, 0, w, h);
  if (!pose) return 0;
  // The pose is in the frame's own pixels; a pose sized differently (a decoder that scaled) is mapped too.
  ctx.setTransform(w / pose.width, 0, 0, h / pose.height, 0, 0);
  drawPose(ctx, pose, [
    { bones: UPPER_BONES, style: UPPER },
    { bones: LEG_BONES, style: legStyle },
  ]);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return Object.keys(pose.joints).length;
}
