// The live valgus indicator: each leg's hip–knee–ankle lines coloured by its FPPA (green within the
// healthy single-leg-squat range, amber toward the flag, red beyond it; grey when FPPA can't be read).
// The FPPA is the protocol's own reading of this frame (SquatState.live), never recomputed here.
// Numbers go in the HUD, not on the canvas: a mirrored preview would flip text. Thresholds come from
// feedback/thresholds.ts.
import { FPPA } from '../../lib/feedback/thresholds';
import type { SquatSession } from '../../lib/session/squat_session.svelte';
import type { Pose, Side } from '../../lib/types';

export function fppaColor(deg: number | null): string {
  if (deg === null) return '#7c86a6';
  if (deg > FPPA.valgusFlagDeg.value) return '#f87171';
  // Light yellow, not the skeleton's amber (#ffb020 = the person's left leg): the two must not be confused.
  if (deg > FPPA.singleLegSquatHealthyMeanDeg.value) return '#fef08a';
  return '#34d399';
}

export function valgusDecoration(squat: SquatSession): (ctx: CanvasRenderingContext2D, pose: Pose) => void {
  return (ctx, pose) => {
    const state = squat.state;
    // Only the frame the protocol measured: an older reading must not colour a newer pose. The protocol's tMs is
    // the session's monotonic clock, so the match is on the pose's own time.
    const frame = state?.live && state.livePoseTMs === pose.tMs ? state.live : null;
    const scale = Math.max(pose.width, pose.height) / 640;
    for (const side of ['left', 'right'] as Side[]) {
      const hip = pose.joints[`${side}_hip`];
      const knee = pose.joints[`${side}_knee`];
      const ankle = pose.joints[`${side}_ankle`];
      if (!hip || !knee || !ankle) continue;
      const m = frame?.legs[side]?.fppaDeg;
      ctx.save();
      ctx.strokeStyle = fppaColor(m?.ok ? m.value : null);
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
  };
}
