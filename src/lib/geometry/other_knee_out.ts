// Seated, how far the untested knee is out to the side: the untested knee's offset from its own hip along the hip
// line, away from the tested side, in hip widths. Seen from the front, a thigh pointing at the camera puts the knee
// about over its hip (dev rig clips, both legs hanging: median 0.14, 99 % under 0.7); with that hip abducted 50° so
// the feet cannot touch it sits 1.5–2.7 hip widths out (scripts/seated_keypoint_bias.ts, docs/accuracy.md). Pure.
import type { Pose, Side } from '../types';
import { MIN_MEASURE_SCORE, otherSide } from './joints';
import { dot, length, scale, sub } from './vec2';

/** The untested knee's sideways offset from its hip, in hip widths (+ away from the tested leg); null if unseen. */
export function otherKneeOut(pose: Pose, side: Side, minScore = MIN_MEASURE_SCORE): number | null {
  const o = otherSide(side);
  const hip = pose.joints[`${side}_hip`];
  const otherHip = pose.joints[`${o}_hip`];
  const otherKnee = pose.joints[`${o}_knee`];
  if (!hip || !otherHip || !otherKnee) return null;
  if ([hip, otherHip, otherKnee].some((j) => j.score < minScore || !Number.isFinite(j.x + j.y))) return null;
  const outward = sub(otherHip, hip);
  const width = length(outward);
  if (width < 1e-6) return null;
  return dot(sub(otherKnee, otherHip), scale(outward, 1 / width)) / width;
}
