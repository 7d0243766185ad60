// A finished drill as it is kept in history: what the pose measured (hold time and angle, each rep's end
// range and time there, each circle's size, roundness and trunk/pelvis range), the numbers' confidences or
// reasons, and the capture context. Small on purpose: no frames, no paths. Read back only through
// restoreDrillRecord (valibot), so a damaged row is reported, never rendered. Pure: id and time passed in.
import * as v from 'valibot';
import { DRILL_IDS, type DrillId, type DrillResult, type Reading } from '../protocols/drills/drill_types';
import type { ModelId, Side } from '../types';
import { MODEL_IDS } from '../types';

export const DRILL_FORMAT = 'goniocam-drill/1';

export type DrillSummary =
  | {
      readonly kind: 'hold';
      readonly heldMs: number;
      readonly targetMs: number;
      readonly angleLabel: string;
      readonly angle: Reading;
    }
  | {
      readonly kind: 'reps';
      readonly targetReps: number;
      readonly reps: readonly {
        readonly peakDeg: number;
        readonly holdMs: number;
        readonly confidence: number;
      }[];
      readonly discarded: readonly { readonly why: string; readonly detail: string }[];
      readonly best: Reading;
    }
  | {
      readonly kind: 'loops';
      readonly targetLoops: number;
      readonly loops: readonly {
        readonly radiusThighs: number;
        readonly roundness: number;
        readonly trunkRangeDeg: number;
        readonly pelvisRangeDeg: number;
        readonly confidence: number;
      }[];
      readonly discarded: readonly { readonly detail: string }[];
    };

export interface DrillRecord {
  readonly format: typeof DRILL_FORMAT;
  readonly id: string;
  readonly createdAt: string;
  readonly drill: DrillId;
  readonly side: Side;
  readonly completed: boolean;
  readonly durationMs: number;
  readonly context: {
    readonly placement: string;
    readonly model: ModelId;
    readonly backend: string;
    readonly appVersion: string;
  };
  readonly summary: DrillSummary;
}

const angle = (
  r: { ok: true; valueDeg: number; sdDeg: number; confidence: number } | { ok: false; reason: string },
): Reading =>
  r.ok ? { ok: true, valueDeg: r.valueDeg, confidence: r.confidence } : { ok: false, reason: r.reason };

export function drillSummary(r: DrillResult): DrillSummary {
  if (r.drill === 'seated-ir-lift')
    return {
      kind: 'reps',
      targetReps: r.targetReps,
      reps: r.reps.map((x) => ({ peakDeg: x.peakDeg, holdMs: x.holdMs, confidence: x.confidence })),
      discarded: r.discarded.map((d) => ({ why: d.why, detail: d.detail })),
      best: r.best,
    };
  if (r.drill === 'hip-cars')
    return {
      kind: 'loops',
      targetLoops: r.targetLoops,
      loops: r.loops.map((l) => ({
        radiusThighs: l.radiusThighs,
        roundness: l.roundness,
        trunkRangeDeg: l.trunkRangeDeg,
        pelvisRangeDeg: l.pelvisRangeDeg,
        confidence: l.confidence,
      })),
      discarded: r.discarded.map((d) => ({ detail: d.detail })),
    };
  return {
    kind: 'hold',
    heldMs: r.heldMs,
    targetMs: r.targetMs,
    angleLabel: r.angleLabel,
    angle: angle(r.angle),
  };
}

export function drillRecord(
  result: DrillResult,
  context: DrillRecord['context'],
  meta: { id: string; createdAt: Date },
): DrillRecord {
  return {
    format: DRILL_FORMAT,
    id: meta.id,
    createdAt: meta.createdAt.toISOString(),
    drill: result.drill,
    side: result.side,
    completed: result.completed,
    durationMs: Math.max(0, result.endedMs - result.startedMs),
    context,
    summary: drillSummary(result),
  };
}

const num = v.pipe(v.number(), v.finite());
const nonNeg = v.pipe(num, v.minValue(0));
const unit = v.pipe(num, v.minValue(0), v.maxValue(1));
const text = v.pipe(v.string(), v.maxLength(500));
const ReadingSchema = v.variant('ok', [
  v.object({ ok: v.literal(true), valueDeg: num, confidence: unit }),
  v.object({ ok: v.literal(false), reason: text }),
]);
const SummarySchema = v.variant('kind', [
  v.object({
    kind: v.literal('hold'),
    heldMs: nonNeg,
    targetMs: nonNeg,
    angleLabel: text,
    angle: ReadingSchema,
  }),
  v.object({
    kind: v.literal('reps'),
    targetReps: nonNeg,
    reps: v.pipe(v.array(v.object({ peakDeg: num, holdMs: nonNeg, confidence: unit })), v.maxLength(1000)),
    discarded: v.pipe(v.array(v.object({ why: text, detail: text })), v.maxLength(1000)),
    best: ReadingSchema,
  }),
  v.object({
    kind: v.literal('loops'),
    targetLoops: nonNeg,
    loops: v.pipe(
      v.array(
        v.object({
          radiusThighs: nonNeg,
          roundness: unit,
          trunkRangeDeg: nonNeg,
          pelvisRangeDeg: nonNeg,
          confidence: unit,
        }),
      ),
      v.maxLength(1000),
    ),
    discarded: v.pipe(v.array(v.object({ detail: text })), v.maxLength(1000)),
  }),
]);
const DrillRecordSchema = v.object({
  format: v.literal(DRILL_FORMAT),
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  drill: v.picklist(DRILL_IDS),
  side: v.picklist(['left', 'right']),
  completed: v.boolean(),
  durationMs: nonNeg,
  context: v.object({ placement: text, model: v.picklist(MODEL_IDS), backend: text, appVersion: text }),
  summary: SummarySchema,
});

/** A stored row → a drill record, or why it cannot be read. */
export function restoreDrillRecord(
  x: unknown,
): { ok: true; record: DrillRecord } | { ok: false; error: string } {
  const r = v.safeParse(DrillRecordSchema, x);
  if (r.success) return { ok: true, record: r.output as DrillRecord };
  const issue = r.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, error: `not a goniocam drill record${path ? ` (${path})` : ''}: ${issue.message}` };
}
