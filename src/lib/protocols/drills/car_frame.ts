// What one frame of a standing hip CAR gives (camera in front at hip height): the moving knee relative to
// its own hip (so only the hip's movement draws the loop), the trunk axis and the hip line, each as an
// angle in the picture. Pure.
import { RAD_TO_DEG, wrapDeg } from '../../geometry/angles';
import { legJoints, pair } from '../../geometry/joints';
import { length, midpoint, sub, type Vec2 } from '../../geometry/vec2';
import type { Pose, Side } from '../../types';

export interface CarFrame {
  readonly tMs: number;
  /** Knee − hip of the moving leg, px. */
  readonly knee: Vec2;
  /** Hip-mid → shoulder-mid, degrees in the picture. */
  readonly trunkDeg: number;
  /** Other hip → moving hip, degrees in the picture. */
  readonly pelvisDeg: number;
  readonly trunkPx: number;
  readonly confidence: number;
}

const angleOf = (v: Vec2) => Math.atan2(v.y, v.x) * RAD_TO_DEG;

/**
 * The hip line's angle (other hip → moving hip) in the picture of a person facing the camera: their right is
 * on the picture's left (180°), their left on its right (0°).
 */
export const facingPelvisDeg = (side: Side): number => (side === 'right' ? 180 : 0);

/** The pose with every left/right pair exchanged. */
export function swapSides(pose: Pose): Pose {
  const joints: Record<string, unknown> = {};
  for (const [name, j] of Object.entries(pose.joints))
    joints[
      name.startsWith('left_')
        ? `right_${name.slice(5)}`
        : name.startsWith('right_')
          ? `left_${name.slice(6)}`
          : name
    ] = j;
  return {
    tMs: pose.tMs,
    width: pose.width,
    height: pose.height,
    joints: joints as Pose['joints'],
    score: pose.score,
    model: pose.model,
  };
}

/**
 * One frame of a CAR. With `restPelvisDeg` (the hip line standing still), a hip line turned more than 90° from it
 * is the model having swapped the person's left and right (BlazePose full did for 2 s of the rig's CAR clip as
 * the knee came up toward the camera; no pelvis turns half round while standing on one leg): the sides are
 * exchanged back before reading.
 */
export function readCarFrame(
  pose: Pose | null,
  side: Side,
  restPelvisDeg?: number,
): { ok: true; frame: CarFrame; swapped: boolean } | { ok: false; reason: string } {
  if (!pose) return { ok: false, reason: 'nobody in view' };
  const r = readOnce(pose, side);
  if (!r.ok || restPelvisDeg === undefined || Math.abs(wrapDeg(r.frame.pelvisDeg - restPelvisDeg)) <= 90)
    return r.ok ? { ...r, swapped: false } : r;
  const s = readOnce(swapSides(pose), side);
  return s.ok ? { ...s, swapped: true } : s;
}

function readOnce(pose: Pose, side: Side): { ok: true; frame: CarFrame } | { ok: false; reason: string } {
  const leg = legJoints(pose, side);
  if ('missing' in leg) return { ok: false, reason: leg.missing };
  const shoulders = pair(pose, 'left_shoulder', 'right_shoulder');
  if (!shoulders) return { ok: false, reason: 'both shoulders must be in view (the trunk is watched)' };
  const hipMid = midpoint(leg.hip, leg.otherHip);
  const trunk = sub(midpoint(shoulders[0], shoulders[1]), hipMid);
  const trunkPx = length(trunk);
  if (trunkPx < 10) return { ok: false, reason: 'the trunk is too small in the picture: move closer' };
  return {
    ok: true,
    frame: {
      tMs: pose.tMs,
      knee: sub(leg.knee, leg.hip),
      trunkDeg: angleOf(trunk),
      pelvisDeg: angleOf(sub(leg.hip, leg.otherHip)),
      trunkPx,
      confidence: Math.min(
        leg.hip.score,
        leg.knee.score,
        leg.otherHip.score,
        shoulders[0].score,
        shoulders[1].score,
      ),
    },
  };
}
