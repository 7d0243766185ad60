// A knee the model scored too low to measure by, counted when a person mask shows a shank along the keypoints'
// own knee → ankle line (docs/accuracy.md, "A person mask as a second look"). Supine from overhead the raised
// thigh points at the camera and often a hand rests on the knee, so MoveNet Thunder scores the knee under the
// measuring limit in about half the proper views, though it often put it where it is. Pure: the mask comes in.
import type { Joint, Pose, Side } from '../types';
import { redrawSegment, type Mask } from './mask_midline';

export const KNEE_MASK = {
  /** The score a joint needs to be measured by (geometry/joints.ts MIN_MEASURE_SCORE, which this layer cannot import). */
  measureScore: 0.3,
  /** Below this the model did not find the knee at all, and no mask line is trusted to stand in for it. */
  minScore: 0.1,
  /** Of the redraw's 11 cross-sections (0.3–0.8 of the shank), this many must find one run of leg. */
  minSections: 9,
  /** The mask's shank line within this of the keypoints' (degrees): the knee and ankle lie on the leg it shows. */
  maxTurnDeg: 10,
} as const;

/** Whether a side's knee is one the mask may confirm: found, but scored under the measuring limit. */
export function kneeNeedsMask(pose: Pose, side: Side): boolean {
  const k = pose.joints[`${side}_knee`];
  const a = pose.joints[`${side}_ankle`];
  return (
    !!k &&
    !!a &&
    k.score >= KNEE_MASK.minScore &&
    k.score < KNEE_MASK.measureScore &&
    a.score >= KNEE_MASK.measureScore
  );
}

/**
 * The pose with each low-scored knee the mask confirms counted: its knee and ankle moved onto the mask's shank
 * line (where they were along it), the knee scored at the measuring limit. The mask must be in the pose's own
 * frame (same width and height, unmirrored). Sides not confirmed are left as the model gave them.
 */
export function confirmKneesByMask(pose: Pose, mask: Mask): { pose: Pose; confirmed: Side[] } {
  if (mask.width !== pose.width || mask.height !== pose.height) return { pose, confirmed: [] };
  const joints: Partial<Record<keyof Pose['joints'], Joint>> = { ...pose.joints };
  const confirmed: Side[] = [];
  for (const side of ['left', 'right'] as const) {
    if (!kneeNeedsMask(pose, side)) continue;
    const k = pose.joints[`${side}_knee`]!;
    const a = pose.joints[`${side}_ankle`]!;
    const r = redrawSegment(mask, k, a);
    if (!r || r.mids.length < KNEE_MASK.minSections) continue;
    if (turnDeg(k, a, r.a, r.b) > KNEE_MASK.maxTurnDeg) continue;
    joints[`${side}_knee`] = { ...r.a, score: KNEE_MASK.measureScore };
    joints[`${side}_ankle`] = { ...r.b, score: a.score };
    confirmed.push(side);
  }
  return confirmed.length ? { pose: { ...pose, joints }, confirmed } : { pose, confirmed };
}

/** The angle between p1 → q1 and p2 → q2 (degrees, 0–180). */
function turnDeg(
  p1: { x: number; y: number },
  q1: { x: number; y: number },
  p2: { x: number; y: number },
  q2: { x: number; y: number },
): number {
  const d = Math.atan2(q1.y - p1.y, q1.x - p1.x) - Math.atan2(q2.y - p2.y, q2.x - p2.x);
  return Math.abs(((d + 3 * Math.PI) % (2 * Math.PI)) - Math.PI) * (180 / Math.PI);
}
