import type { Joint, JointName, Pose } from '../types';
import { RAD_TO_DEG } from './angles';
import { facingInImage } from './facing_2d';
import { MIN_MEASURE_SCORE } from './joints';
import { measured, refuse, type Measurement } from './result';
import { length, sub, type Vec2 } from './vec2';
import { classifyView } from './view';

/**
 * Forward trunk lean from a side view: the hip-mid → shoulder-mid axis against the picture's vertical,
 * + forward (the way the person faces), 0 upright. The picture's vertical is only the plumb line when
 * the camera is level (no roll, little pitch): the one assumption here, and why a frontal view, where
 * forward lean runs toward the camera, gets a refusal instead.
 */
export function trunkLeanSide(pose: Pose): Measurement<'2d-trunk-lean-side'> {
  const view = classifyView(pose);
  if (view.view !== 'side') return refuse(`forward lean needs a side view (${view.reason})`);
  const hip = meanOf(pose, ['left_hip', 'right_hip']);
  const shoulder = meanOf(pose, ['left_shoulder', 'right_shoulder']);
  if (!hip || !shoulder) return refuse('a hip and a shoulder must be clearly visible');
  const facing = facingInImage(pose);
  if ('reason' in facing) return refuse(facing.reason);
  const trunk = sub(shoulder.p, hip.p);
  if (length(trunk) < 8) return refuse('the trunk is too small in the picture');
  const deg = Math.atan2(facing.sign * trunk.x, -trunk.y) * RAD_TO_DEG;
  return measured(deg, Math.min(hip.score, shoulder.score), '2d-trunk-lean-side');
}

/** Mean of the clearly visible joints among `names` (in a side view one of a pair may be hidden). */
function meanOf(pose: Pose, names: readonly JointName[]): { p: Vec2; score: number } | null {
  const js = names.map((n) => pose.joints[n]).filter((j): j is Joint => !!j && j.score >= MIN_MEASURE_SCORE);
  if (js.length === 0) return null;
  return {
    p: { x: js.reduce((s, j) => s + j.x, 0) / js.length, y: js.reduce((s, j) => s + j.y, 0) / js.length },
    score: Math.min(...js.map((j) => j.score)),
  };
}
