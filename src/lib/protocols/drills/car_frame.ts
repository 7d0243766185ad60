// What one frame of a standing hip CAR gives (camera in front at hip height): the moving knee relative to
// its own hip (so only the hip's movement draws the loop), the trunk axis and the hip line, each as an
// angle in the picture. Pure.
import { RAD_TO_DEG } from '../../geometry/angles';
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

export function readCarFrame(
  pose: Pose | null,
  side: Side,
): { ok: true; frame: CarFrame } | { ok: false; reason: string } {
  if (!pose) return { ok: false, reason: 'nobody in view' };
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
