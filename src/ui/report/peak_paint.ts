// One peak snapshot on a canvas: the kept photo when there is one, else a plain dark frame, with the
// skeleton drawn as the live overlay draws it (overlay.ts). DOM only.
import type { PeakSkeleton } from '../../lib/report/peak_snapshot';
import { drawPose, legStyle, UPPER } from '../overlay';
import { LEG_BONES, UPPER_BONES } from '../skeleton';

export function paintPeak(
  canvas: HTMLCanvasElement,
  skeleton: PeakSkeleton | null,
  photo: ImageBitmap | null,
  maxWidth: number,
): void {
  const fw = skeleton?.width ?? photo?.width ?? 4;
  const fh = skeleton?.height ?? photo?.height ?? 3;
  const scale = maxWidth / fw;
  const w = Math.round(fw * scale);
  const h = Math.round(fh * scale);
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#0b1020';
  ctx.fillRect(0, 0, w, h);
  if (photo) ctx.drawImage(photo, 0, 0, w, h);
  if (!skeleton) return;
  ctx.setTransform(w / skeleton.width, 0, 0, h / skeleton.height, 0, 0);
  // The stored skeleton is a pose's joints; drawPose needs no more of a pose than its size and joints.
  const pose = {
    tMs: 0,
    width: skeleton.width,
    height: skeleton.height,
    joints: skeleton.joints,
    score: 1,
    model: 'blazepose-full' as const,
  };
  drawPose(ctx, pose, [
    { bones: UPPER_BONES, style: UPPER },
    { bones: LEG_BONES, style: legStyle },
  ]);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}
