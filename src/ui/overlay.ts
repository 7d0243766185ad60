import type { JointName, Pose } from '../lib/types';
import type { Bone } from './skeleton';

export interface OverlayStyle {
  readonly color: string;
  readonly lineWidth: number;
  readonly jointRadius: number;
}

export const LEFT_LEG: OverlayStyle = { color: '#ffb020', lineWidth: 7, jointRadius: 8 };
export const RIGHT_LEG: OverlayStyle = { color: '#22d3ee', lineWidth: 7, jointRadius: 8 };
export const UPPER: OverlayStyle = { color: 'rgba(255,255,255,0.85)', lineWidth: 3, jointRadius: 4 };
/** Joints under this score are drawn faded: shown, but visibly not trusted. */
export const FADE_BELOW_SCORE = 0.3;

/**
 * Draw a pose onto a canvas sized to the source frame (drawing stays out of inference, as MediaPipe's
 * drawing_utils does). Line widths scale with the frame so the skeleton reads at any resolution.
 */
export function drawPose(
  ctx: CanvasRenderingContext2D,
  pose: Pose,
  groups: readonly { bones: readonly Bone[]; style: OverlayStyle | ((a: JointName) => OverlayStyle) }[],
): void {
  const scale = Math.max(pose.width, pose.height) / 640;
  ctx.lineCap = 'round';
  for (const { bones, style } of groups) {
    for (const [a, b] of bones) {
      const ja = pose.joints[a];
      const jb = pose.joints[b];
      if (!ja || !jb) continue;
      const s = typeof style === 'function' ? style(a) : style;
      ctx.globalAlpha = Math.min(ja.score, jb.score) < FADE_BELOW_SCORE ? 0.25 : 1;
      ctx.strokeStyle = s.color;
      ctx.lineWidth = s.lineWidth * scale;
      ctx.beginPath();
      ctx.moveTo(ja.x, ja.y);
      ctx.lineTo(jb.x, jb.y);
      ctx.stroke();
    }
    for (const [a, b] of bones) {
      for (const name of [a, b]) {
        const j = pose.joints[name];
        if (!j) continue;
        const s = typeof style === 'function' ? style(name) : style;
        ctx.globalAlpha = j.score < FADE_BELOW_SCORE ? 0.25 : 1;
        ctx.fillStyle = s.color;
        ctx.strokeStyle = '#0b1020';
        ctx.lineWidth = 2 * scale;
        ctx.beginPath();
        ctx.arc(j.x, j.y, s.jointRadius * scale, 0, Math.PI * 2);
        ctx.fill();
        ctx.stroke();
      }
    }
  }
  ctx.globalAlpha = 1;
}

export function legStyle(name: JointName): OverlayStyle {
  return name.startsWith('left_') ? LEFT_LEG : name.startsWith('right_') ? RIGHT_LEG : LEFT_LEG;
}
