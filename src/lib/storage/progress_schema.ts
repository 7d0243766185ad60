// A hip test in progress read back from IndexedDB: written by this app, but perhaps by an older version of
// it, or damaged. It is checked like any stored record (the trials with the report's own schema) before a
// test is resumed from it; one that does not pass is dropped, never half-resumed.
import * as v from 'valibot';
import { HIP_SNAPSHOT_FORMAT, type HipSnapshot } from '../protocols/hip_snapshot';
import { Compensation, Trial } from '../report/report_schema';
import { COMPENSATION_KINDS } from '../protocols/types';
import { HIP_METHODS, JOINT_NAMES } from '../types';
import type { StoredPeak } from './goniocam_db';

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000));
const num = v.pipe(v.number(), v.finite());
const side = v.picklist(['left', 'right']);
const direction = v.picklist(['internal', 'external']);
const kind = v.picklist(COMPENSATION_KINDS);

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
    // inRow came later: a test saved before it counts its same-reason voids as its voids in a row.
    streak: v.nullable(
      v.pipe(
        v.object({ kind, count, inRow: v.optional(count), last: Compensation, stalledMs: v.optional(num) }),
        v.transform((st) => ({ ...st, inRow: st.inRow ?? st.count })),
      ),
    ),
    startedMs: num,
    atMs: num,
  }),
  v.check((s) => s.stepIdx < s.plan.length, 'the step is outside the plan'),
);

/** A trial's peak kept so far (report/peak_snapshot.ts), with its photo if photos were on. */
const PeakSchema = v.object({
  peak: v.object({
    title: v.pipe(v.string(), v.maxLength(80)),
    side: v.nullable(side),
    value: v.pipe(v.string(), v.maxLength(1200)),
    valid: v.boolean(),
    tMs: num,
    skeleton: v.nullable(
      v.object({
        width: v.pipe(num, v.minValue(1)),
        height: v.pipe(num, v.minValue(1)),
        joints: v.record(
          v.picklist(JOINT_NAMES),
          v.object({ x: num, y: num, score: v.pipe(num, v.minValue(0), v.maxValue(1)) }),
        ),
      }),
    ),
  }),
  photo: v.nullable(v.instance(Blob)),
});

/** What the progress store holds: the snapshot, when it was saved (wall clock, ISO), the trials' peaks. */
export interface StoredProgress {
  readonly savedAt: string;
  readonly snapshot: HipSnapshot;
  /** Peaks of the trials so far (older rows have none). */
  readonly peaks: readonly StoredPeak[];
}

const ProgressSchema = v.object({
  savedAt: v.pipe(v.string(), v.isoTimestamp()),
  snapshot: SnapshotSchema,
  peaks: v.optional(v.pipe(v.array(PeakSchema), v.maxLength(200)), []),
});

/** The stored value → a test to resume, or null when it is not one. */
export function restoreProgress(row: unknown): StoredProgress | null {
  const r = v.safeParse(ProgressSchema, row);
  return r.success ? (r.output as StoredProgress) : null;
}
