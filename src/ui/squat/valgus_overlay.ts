// The live valgus indicator: each leg's hip–knee–ankle lines coloured by its FPPA (green within the
// healthy single-leg-squat range, amber toward the flag, red beyond it; grey when FPPA can't be read).
// Numbers go in the HUD, not on the canvas: a mirrored preview would flip text. Thresholds come from
// feedback/thresholds.ts.
import { measureFppa } from '../../lib/geometry';
import { FPPA } from '../../lib/feedback/thresholds';
import type { Pose, Side } from '../../lib/types';

export function fppaColor(deg: number | null): string {
  if (deg === null) return '#7c86a6';
  if (deg > FPPA.valgusFlagDeg.value) return '#f87171';
  // Light yellow, not the skeleton's amber (#ffb020 = the person's left leg): the two must not be confused.
  if (deg > FPPA.singleLegSquatHealthyMeanDeg.value) return '#fef08a';
  return '#34d399';
}

export function drawValgus(ctx: CanvasRenderingContext2D, pose: Pose): void {
  const scale = Math.max(pose.width, pose.height) / 640;
  for (const side of ['left', 'right'] as Side[]) {
    const hip = pose.joints[`${side}_hip`];
    const knee = pose.joints[`${side}_knee`];
    const ankle = pose.joints[`${side}_ankle`];
    if (!hip || !knee || !ankle) continue;
    const m = measureFppa(pose, side);
    const deg = m.ok ? m.valueDeg : null;
    ctx.save();
    ctx.strokeStyle = fppaColor(deg);
    ctx.lineWidth = 10 * scale;
    ctx.lineCap = 'round';
    ctx.globalAlpha = 0.9;
    ctx.beginPath();
    ctx.moveTo(hip.x, hip.y);
    ctx.lineTo(knee.x, knee.y);
    ctx.lineTo(ankle.x, ankle.y);
    ctx.stroke();
    ctx.restore();
  }
}
