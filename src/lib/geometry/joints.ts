import type { Joint, JointName, Pose, Side } from '../types';

/** Below this score a joint is not used for measuring (stricter than drawing). */
export const MIN_MEASURE_SCORE = 0.3;

export type LegJoints = { hip: Joint; knee: Joint; ankle: Joint; otherHip: Joint };

const side = (s: Side, part: string) => `${s}_${part}` as JointName;
export const otherSide = (s: Side): Side => (s === 'left' ? 'right' : 'left');

/** The tested leg's hip, knee, ankle and the other hip, or the reason one is missing. */
export function legJoints(
  pose: Pose,
  s: Side,
  minScore = MIN_MEASURE_SCORE,
): LegJoints | { missing: string } {
  const names = {
    hip: side(s, 'hip'),
    knee: side(s, 'knee'),
    ankle: side(s, 'ankle'),
    otherHip: side(otherSide(s), 'hip'),
  };
  const out: Partial<LegJoints> = {};
  for (const [key, name] of Object.entries(names) as [keyof LegJoints, JointName][]) {
    const j = pose.joints[name];
    if (!j || !Number.isFinite(j.x) || !Number.isFinite(j.y))
      return { missing: `${name.replace('_', ' ')} not found` };
    if (j.score < minScore)
      return { missing: `${name.replace('_', ' ')} not clearly visible (score ${j.score.toFixed(2)})` };
    out[key] = j;
  }
  return out as LegJoints;
}

/** A pair of joints (e.g. both shoulders) when both are reliable. */
export function pair(
  pose: Pose,
  a: JointName,
  b: JointName,
  minScore = MIN_MEASURE_SCORE,
): [Joint, Joint] | null {
  const ja = pose.joints[a];
  const jb = pose.joints[b];
  return ja && jb && ja.score >= minScore && jb.score >= minScore ? [ja, jb] : null;
}
