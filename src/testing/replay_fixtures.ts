// The committed model replays (test-fixtures/replay/NAME.poses.json), checked by the same schema the app applies to an
// imported one, and the clip's truth per direction: the support every replay test shares.
import { readFileSync } from 'node:fs';
import { parsePoseSequence, type PoseSequence } from '../lib/pipeline/pose_sequence';
import type { Direction } from '../lib/protocols/types';
import type { Side } from '../lib/types';

export function loadReplay(name: string): PoseSequence {
  const json: unknown = JSON.parse(
    readFileSync(new URL(`../../test-fixtures/replay/${name}.poses.json`, import.meta.url), 'utf8'),
  );
  const parsed = parsePoseSequence(json);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
  return parsed.value;
}

/** The clip's truth for one side and direction: the mean of its trials' peaks, as a positive angle (°). */
export function truthDeg(seq: PoseSequence, side: Side, direction: Direction): number {
  const peaks = seq.truth.trials
    .filter((t) => t.side === side && t.direction === direction)
    .map((t) => t.peakDeg);
  return Math.abs(peaks.reduce((a, b) => a + b, 0) / peaks.length);
}
