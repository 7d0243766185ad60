// Which leg did a trial: the one whose shank moved. Turning one shank nudges the other leg's reading too
// (on the rig's recordings by 2–5°: the pelvis and the model's keypoints shift a little), and the resting
// leg's knee or ankle can read noisy, so each leg's series can show an excursion of its own. An excursion
// is kept only when the other leg moved less over the same frames. Pure.
import type { Side } from '../types';
import { median } from './stillness';
import type { Excursion, LegReading } from './hip_segments';

const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

/**
 * How far the `side` leg moved over the frames of `ex` (an excursion of the other leg), from its own level
 * during ex's neutral window: the largest deviation of a 3-frame running median, so one noisy frame does not
 * count as movement. 0 when the leg was not seen.
 */
export function concurrentMovement(ex: Excursion, readings: readonly LegReading[]): number {
  const level = degs(readings, ex.neutral.fromFrame, ex.neutral.toFrame);
  const during = degs(readings, ex.startFrame, ex.endFrame);
  if (level.length === 0 || during.length === 0) return 0;
  const mu = median(level);
  let most = 0;
  for (let i = 0; i < during.length; i++) {
    const win = during.slice(Math.max(0, i - 1), i + 2);
    most = Math.max(most, Math.abs(median(win) - mu));
  }
  return most;
}

/** The excursions of both legs, each kept only if its leg moved more than the other leg meanwhile. */
export function attributeExcursions(
  excursions: Readonly<Record<Side, readonly Excursion[]>>,
  readings: Readonly<Record<Side, readonly LegReading[]>>,
): Excursion[] {
  const kept: Excursion[] = [];
  for (const side of ['right', 'left'] as const)
    for (const ex of excursions[side])
      if (concurrentMovement(ex, readings[other(side)]) < ex.peakDevDeg) kept.push(ex);
  return kept.sort((a, b) => a.startFrame - b.startFrame);
}

function degs(readings: readonly LegReading[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, from); i <= Math.min(to, readings.length - 1); i++) {
    const f = readings[i]!.frame;
    if (f) out.push(f.deg);
  }
  return out;
}
