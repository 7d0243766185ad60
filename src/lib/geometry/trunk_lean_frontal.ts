import type { Pose } from '../types';
import { RAD_TO_DEG } from './angles';
import { pair } from './joints';
import { measured, refuse, type Measurement } from './result';
import { dot, length, midpoint, normalize, perp, sub } from './vec2';

/** Hips closer than this fraction of the trunk: the camera sees the side and left/right lean is hidden. */
export const MIN_HIP_WIDTH_TO_TRUNK = 0.12;

/**
 * Lateral trunk lean from a frontal view: the angle of the hip-mid → shoulder-mid axis from the
 * perpendicular to the hip line, + toward the person's left. Measured in the body's own frame, so
 * camera roll cancels and the sign holds from the front or the back; but it is the trunk relative to
 * the pelvis: a pelvis that tips with the trunk hides the lean (what a clinician calls lateral flexion,
 * not sway from the plumb line, which a frontal picture cannot give without a level camera).
 */
export function trunkLeanFrontal(pose: Pose): Measurement<'2d-trunk-lean-frontal'> {
  const hips = pair(pose, 'left_hip', 'right_hip');
  const shoulders = pair(pose, 'left_shoulder', 'right_shoulder');
  if (!hips) return refuse('both hips must be clearly visible');
  if (!shoulders) return refuse('both shoulders must be clearly visible');
  const [lh, rh] = hips;
  const hipMid = midpoint(lh, rh);
  const trunk = sub(midpoint(shoulders[0], shoulders[1]), hipMid);
  const trunkPx = length(trunk);
  if (trunkPx < 8) return refuse('the trunk is too small in the picture');
  const lateral = normalize(sub(lh, rh)); // toward the person's left
  if (!lateral || length(sub(lh, rh)) < MIN_HIP_WIDTH_TO_TRUNK * trunkPx)
    return refuse('the hips overlap: sideways lean needs a frontal view');
  // The perpendicular to the hip line that points toward the shoulders is "upright" for this pelvis.
  const p = perp(lateral);
  const up = dot(p, trunk) >= 0 ? p : { x: -p.x, y: -p.y };
  const deg = Math.atan2(dot(trunk, lateral), dot(trunk, up)) * RAD_TO_DEG;
  const conf = Math.min(lh.score, rh.score, shoulders[0].score, shoulders[1].score);
  return measured(deg, conf, '2d-trunk-lean-frontal');
}
