// A goniometer drawn on the tested leg: the neutral reference (dashed), the shank, and the arc between
// them, so the person sees what is being measured. The angle comes from the protocol; the neutral is the
// direction perpendicular to the hip line that reproduces it (the same frame geometry/ uses).
import { RAD_TO_DEG } from '../../lib/geometry/angles';
import { dot, length, normalize, perp, sub, type Vec2 } from '../../lib/geometry/vec2';
import type { GuidedSession } from '../../lib/session/guided_session.svelte';
import type { Pose } from '../../lib/types';
import { LEFT_LEG, RIGHT_LEG } from '../overlay';

export function goniometerDecoration(
  guided: GuidedSession,
): (ctx: CanvasRenderingContext2D, pose: Pose) => void {
  return (ctx, pose) => {
    const s = guided.state;
    const deg = s?.liveDeg;
    if (!s || deg === null || deg === undefined) return;
    const side = s.plan[s.stepIdx]?.side;
    if (!side) return;
    const other = side === 'left' ? 'right' : 'left';
    const hip = pose.joints[`${side}_hip`];
    const otherHip = pose.joints[`${other}_hip`];
    const knee = pose.joints[`${side}_knee`];
    const ankle = pose.joints[`${side}_ankle`];
    if (!hip || !otherHip || !knee || !ankle) return;
    const shank = sub(ankle, knee);
    const lateral = normalize(sub(hip, otherHip));
    const len = length(shank);
    if (!lateral || len < 4) return;
    const neutral = pickNeutral(shank, lateral, deg);
    const color = side === 'left' ? LEFT_LEG.color : RIGHT_LEG.color;
    const scale = Math.max(pose.width, pose.height) / 640;
    ctx.save();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 3 * scale;
    ctx.setLineDash([8 * scale, 6 * scale]);
    ctx.beginPath();
    ctx.moveTo(knee.x, knee.y);
    ctx.lineTo(knee.x + neutral.x * len, knee.y + neutral.y * len);
    ctx.stroke();
    ctx.setLineDash([]);
    const a0 = Math.atan2(neutral.y, neutral.x);
    const a1 = Math.atan2(shank.y, shank.x);
    let d = a1 - a0;
    if (d > Math.PI) d -= 2 * Math.PI;
    if (d < -Math.PI) d += 2 * Math.PI;
    ctx.strokeStyle = color;
    ctx.fillStyle = color + '55';
    ctx.lineWidth = 4 * scale;
    ctx.beginPath();
    ctx.moveTo(knee.x, knee.y);
    ctx.arc(knee.x, knee.y, len * 0.45, a0, a0 + d, d < 0);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
    ctx.restore();
  };
}

/** The unit vector ⟂ lateral for which the shank's signed angle (toward lateral) is closest to `deg`. */
function pickNeutral(shank: Vec2, lateral: Vec2, deg: number): Vec2 {
  const p = perp(lateral);
  const cands = [p, { x: -p.x, y: -p.y }];
  const err = (n: Vec2) => Math.abs(Math.atan2(dot(shank, lateral), dot(shank, n)) * RAD_TO_DEG - deg);
  return err(cands[0]!) <= err(cands[1]!) ? cands[0]! : cands[1]!;
}
