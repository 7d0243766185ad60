// A hip test in progress read back from IndexedDB: written by this app, but perhaps by an older version of
// it, or damaged. It is checked like any stored record (the trials with the report's own schema) before a
// test is resumed from it; one that does not pass is dropped, never half-resumed.
import * as v from 'valibot';
import { HIP_SNAPSHOT_FORMAT, type HipSnapshot } from '../protocols/hip_snapshot';
import { Compensation, Trial } from '../report/report_schema';
import { HIP_METHODS } from '../types';

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000));
const num = v.pipe(v.number(), v.finite());
const side = v.picklist(['left', 'right']);
const direction = v.picklist(['internal', 'external']);
const kind = v.picklist(['knee-moved', 'pelvis-tilt', 'trunk-lean', 'out-of-frame', 'low-confidence']);

const SnapshotSchema = v.pipe(
  v.object({
    format: v.literal(HIP_SNAPSHOT_FORMAT),
    test: v.picklist(['seated', 'supine', 'prone']),
    method: v.picklist(HIP_METHODS),
    trialsPerDirection: v.pipe(count, v.minValue(1)),
    plan: v.pipe(v.array(v.object({ side, direction })), v.minLength(1), v.maxLength(4)),
    stepIdx: count,
    attempt: count,
    attemptLimit: count,
    trials: v.pipe(v.array(Trial), v.maxLength(200)),
    accepted: v.pipe(v.array(kind), v.maxLength(5)),
    skipNotes: v.record(v.pipe(v.string(), v.maxLength(40)), v.pipe(v.string(), v.maxLength(1000))),
    streak: v.nullable(v.object({ kind, count, last: Compensation })),
    startedMs: num,
    atMs: num,
  }),
  v.check((s) => s.stepIdx < s.plan.length, 'the step is outside the plan'),
);

/** What the progress store holds: the snapshot and when it was saved (wall clock, ISO). */
export interface StoredProgress {
  readonly savedAt: string;
  readonly snapshot: HipSnapshot;
}

const ProgressSchema = v.object({ savedAt: v.pipe(v.string(), v.isoTimestamp()), snapshot: SnapshotSchema });

/** The stored value → a test to resume, or null when it is not one. */
export function restoreProgress(row: unknown): StoredProgress | null {
  const r = v.safeParse(ProgressSchema, row);
  return r.success ? (r.output as StoredProgress) : null;
}
