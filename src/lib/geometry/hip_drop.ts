import type { Pose } from '../types';
import { pair } from './joints';
import { measuredRatio, type RatioMeasurement } from './ratio';
import { refuse } from './result';
import type { StandingBaseline } from './standing_baseline';
import { dot, midpoint, normalize, sub } from './vec2';

/**
 * Squat depth any camera can see: how far the hip midpoint has moved down since standing, as a fraction
 * of the standing leg length (0 standing; ≈ 0.1 at 45–60° knee flexion, ≈ 0.3 at 90°, ≈ 0.5 in a deep
 * squat). "Down" is the standing hip → ankle direction, so camera roll cancels; sideways sway does not
 * count. It says how deep, not at which joint: hip and knee angles need a side view (side_view_flexion.ts).
 */
export function hipDrop(pose: Pose, baseline: StandingBaseline): RatioMeasurement<'2d-hip-drop'> {
  const hips = pair(pose, 'left_hip', 'right_hip');
  if (!hips) return refuse('both hips must be clearly visible');
  const down = normalize(sub(baseline.ankleMid, baseline.hipMid));
  if (!down || !(baseline.legLengthPx > 0)) return refuse('the standing reference has no leg length');
  const moved = sub(midpoint(hips[0], hips[1]), baseline.hipMid);
  return measuredRatio(
    dot(moved, down) / baseline.legLengthPx,
    Math.min(hips[0].score, hips[1].score, baseline.confidence),
    '2d-hip-drop',
  );
}
