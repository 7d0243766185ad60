import type { Pose, Side } from '../types';
import { safeAcosDeg } from './angles';
import { kneeFlexion2D } from './fppa';
import { MIN_MEASURE_SCORE } from './joints';
import { measured, refuse, type Measurement } from './result';
import { dot, length, sub } from './vec2';
import { classifyView } from './view';

// Hip and knee flexion are sagittal angles: a side view shows them at their true size. From the front
// the thigh runs toward the camera and the picture's angles shrink or vanish; the honest frontal
// stand-in for depth is the hip drop (hip_drop.ts), not an angle.

/** Knee flexion (0 straight) from a side view: kneeFlexion2D, refused unless the camera sees the side. */
export function kneeFlexionSide(pose: Pose, side: Side): Measurement<'2d-knee-flexion'> {
  const view = classifyView(pose);
  if (view.view !== 'side') return refuse(`knee flexion needs a side view (${view.reason})`);
  return kneeFlexion2D(pose, side);
}

/**
 * Hip flexion (0 standing upright) from a side view: 180° minus the shoulder–hip–knee angle, i.e. the
 * thigh against the trunk. It includes pelvic tilt (a picture has no pelvis landmark beyond the hip).
 */
export function hipFlexionSide(pose: Pose, side: Side): Measurement<'2d-hip-flexion'> {
  const view = classifyView(pose);
  if (view.view !== 'side') return refuse(`hip flexion needs a side view (${view.reason})`);
  const shoulder = pose.joints[`${side}_shoulder`];
  const hip = pose.joints[`${side}_hip`];
  const knee = pose.joints[`${side}_knee`];
  for (const [name, j] of [
    ['shoulder', shoulder],
    ['hip', hip],
    ['knee', knee],
  ] as const)
    if (!j || j.score < MIN_MEASURE_SCORE) return refuse(`${side} ${name} not clearly visible`);
  const trunk = sub(shoulder!, hip!);
  const thigh = sub(knee!, hip!);
  if (length(trunk) < 4 || length(thigh) < 4) return refuse('trunk or thigh too small in the picture');
  const interior = safeAcosDeg(dot(trunk, thigh) / (length(trunk) * length(thigh)));
  return measured(180 - interior, Math.min(shoulder!.score, hip!.score, knee!.score), '2d-hip-flexion');
}
