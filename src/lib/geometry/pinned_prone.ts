// Prone femoral rotation in a tracked trial: the shank read from the neutral hold's knee, hip line and camera tilt,
// only the ankle taken from the frame.
//
// In a prone trial the femur lies still on the table and the camera does not move: the knee, the hips and the tilt the
// thigh's length gives (prone_rotation.ts estimateProneTilt) are the neutral's, and only the foot swings. Read frame by
// frame, each of them moved with the model's keypoints as the shank turned: the knee keypoint dragged toward the foot,
// the thigh's image length (and with it the tilt, and the stretch applied to the shank) changed, and the hip line,
// short and seen from behind the head, turned by several degrees. Chosen on the dev bodies' guided prone clips played
// as a person follows the prompts (scripts/guided_bodies.ts --test prone --follow; docs/accuracy.md): MAE 3.2° →
// 2.0°, 27 → 32 of 48 within 4°; each frame's own hip line with the rest pinned read 3.7°, each frame's own knee 2.7°.
// A pelvis that lifts is the pelvis check's business (protocols/compensations.ts). Pure.
import { estimateProneTilt, proneShankAngleDeg } from './prone_rotation';
import { shankFrame2D } from './shank_rotation_2d';
import { sub, type Vec2 } from './vec2';

/** What a prone trial keeps of its neutral hold: the tested leg's hip, knee and ankle and the other hip. */
export interface ProneNeutral {
  readonly hip: Vec2;
  readonly otherHip: Vec2;
  readonly knee: Vec2;
  readonly ankle: Vec2;
}

/**
 * The shank from the neutral's knee to `ankle` (already placed in the neutral's picture), read as
 * prone_rotation.ts reads a frame, in the neutral's hip line and tilt: internal positive, degrees. Null where the
 * neutral cannot be read that way (hips at one point, a tilt too steep, no shank).
 */
export function pinnedProneRotationDeg(ankle: Vec2, neutral: ProneNeutral): number | null {
  const frame = shankFrame2D({ hip: neutral.hip, otherHip: neutral.otherHip }, 'hip-line-up');
  if ('reason' in frame) return null;
  const tilt = estimateProneTilt(sub(neutral.knee, neutral.hip), sub(neutral.ankle, neutral.knee));
  if (!tilt) return null;
  return proneShankAngleDeg(
    sub(neutral.hip, neutral.otherHip),
    sub(ankle, neutral.knee),
    frame.neutral,
    tilt,
  );
}
