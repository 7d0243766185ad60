import { RAD_TO_DEG } from './angles';
import { dot, length, midpoint, normalize, perp, sub, type Vec2 } from './vec2';

/**
 * Femoral rotation read from the shank in the image: with the knee bent 90°, rotating the femur about
 * its long axis swings the shank in the plane perpendicular to the femur, like a goniometer's moving
 * arm. The angle is measured between the shank and its neutral direction, positive toward the tested
 * side's lateral direction, i.e. internal rotation positive (the foot moves outward).
 *
 * The body gives both reference directions, so camera roll cancels out and no image "up" is assumed:
 *  - lateral: from the other hip to the tested hip (the hip line);
 *  - neutral: perpendicular to the hip line ("hip-line"), pointing down in the image (seated: the shank
 *    hangs) or up (prone: the shank points at the ceiling); or the trunk's long axis (supine overhead).
 */
export interface ShankFrame2D {
  readonly neutral: Vec2;
  readonly lateral: Vec2;
}

export type NeutralRule = 'hip-line-down' | 'hip-line-up' | 'trunk-axis';

export interface FrameInputs {
  readonly hip: Vec2;
  readonly otherHip: Vec2;
  /** Mid-shoulder point, needed for 'trunk-axis'. */
  readonly shoulderMid?: Vec2;
}

/** Build the body reference frame for a test, or say why the view can't give one. */
export function shankFrame2D(inp: FrameInputs, rule: NeutralRule): ShankFrame2D | { reason: string } {
  const lateral = normalize(sub(inp.hip, inp.otherHip));
  if (!lateral)
    return { reason: 'both hips are at the same point (the camera sees the person from the side)' };
  let neutral: Vec2 | null;
  if (rule === 'trunk-axis') {
    if (!inp.shoulderMid) return { reason: 'shoulders not visible, so the body axis is unknown' };
    const axis = sub(midpoint(inp.hip, inp.otherHip), inp.shoulderMid);
    // Keep only the part perpendicular to the hip line: the two references must be orthogonal.
    const along = dot(axis, lateral);
    neutral = normalize({ x: axis.x - along * lateral.x, y: axis.y - along * lateral.y });
    if (!neutral) return { reason: 'the trunk axis lies along the hip line' };
  } else {
    const p = perp(lateral);
    const wantDown = rule === 'hip-line-down';
    neutral = p.y > 0 === wantDown ? p : { x: -p.x, y: -p.y };
  }
  return { neutral, lateral };
}

/** Signed shank angle from neutral, degrees, + toward lateral; null for a zero-length shank. */
export function shankRotationDeg(knee: Vec2, ankle: Vec2, frame: ShankFrame2D): number | null {
  const s = sub(ankle, knee);
  if (length(s) < 1e-6) return null;
  return Math.atan2(dot(s, frame.lateral), dot(s, frame.neutral)) * RAD_TO_DEG;
}
