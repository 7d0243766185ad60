// Which leg did a trial: the one whose shank moved. Turning one shank nudges the other leg's reading too
// (on the rig's recordings by 2–5°: the pelvis and the model's keypoints shift a little), and the resting
// leg's knee or ankle can read noisy, so each leg's series can show an excursion of its own. A held excursion
// is kept unless the other leg held a larger turn over the same frames (attributeExcursions says why). Pure.
import type { Side } from '../types';
import { median } from './stillness';
import type { Excursion, LegReading } from './hip_segments';

const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

/**
 * How far the `side` leg moved over the frames of `ex` (an excursion of the other leg without a hold), from its own
 * level while that leg sat at its start position just before (ex.start: the neutral window may be a rest seconds
 * earlier, when this leg lay elsewhere): the largest deviation of a 3-frame running median, so one noisy frame does
 * not count as movement. 0 when the leg was not seen.
 */
export function concurrentMovement(ex: Excursion, readings: readonly LegReading[]): number {
  const level = degs(readings, ex.start.fromFrame, ex.start.toFrame);
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

/** How far a held excursion turned: its hold from its start position. */
const arcOf = (ex: Excursion): number => Math.abs(ex.hold!.meanDeg - ex.start.deg);
const overlap = (a: Excursion, b: Excursion): boolean =>
  a.startFrame <= b.endFrame && b.startFrame <= a.endFrame;

/**
 * The excursions of both legs, each kept only if it is not the other leg's echo. A held turn is an echo only when the
 * other leg held a larger turn over the same frames: a resting leg whose reading jumps without a held turn of its own
 * does not take the trial (prone.mp4: the leg lying flat read −20° while the tested one was at its start and +15° while
 * it held, 30° apart, which "moved more" took for movement). An excursion without a hold (a false start, kept only if
 * voided) is kept when its leg moved more than the other meanwhile.
 */
export function attributeExcursions(
  excursions: Readonly<Record<Side, readonly Excursion[]>>,
  readings: Readonly<Record<Side, readonly LegReading[]>>,
): Excursion[] {
  const kept: Excursion[] = [];
  for (const side of ['right', 'left'] as const)
    for (const ex of excursions[side]) {
      const rivals = excursions[other(side)];
      const echo = ex.hold
        ? rivals.some((o) => o.hold && overlap(o, ex) && arcOf(o) > arcOf(ex))
        : concurrentMovement(ex, readings[other(side)]) >= ex.peakDevDeg;
      if (!echo) kept.push(ex);
    }
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
