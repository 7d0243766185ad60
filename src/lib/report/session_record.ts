// The one record a finished test becomes, whatever fed it (live camera, recorded video, an imported
// report): the pipeline's Outcome (result + findings) with the capture context a clinician needs to trust
// or doubt the numbers. History stores it, the report page renders it, the exports are built from it, and
// a screening client sends it back encrypted. Pure: the id and the time are passed in.
import { MEASUREMENT_ERROR_DEG } from '../feedback/thresholds';
import type { Outcome, RecordingAnalysis } from '../pipeline/analysis_types';
import type { TestId } from '../protocols/types';
import type { ModelId, Side } from '../types';

export const REPORT_FORMAT = 'goniocam-report/1';

/** Where the numbers came from. */
export interface CaptureContext {
  readonly test: TestId;
  /** The camera placement the person was asked for (the picker's caption), in words. */
  readonly placement: string;
  readonly model: ModelId;
  /** 'wasm' | 'webgl' | 'mediapipe', or 'node' for the CLI. */
  readonly backend: string;
  readonly appVersion: string;
  readonly source: 'live' | 'recording';
  /** The recording's file name (recordings only). */
  readonly file: string | null;
}

/** The accuracy goniocam quotes for this test (feedback/thresholds.ts), frozen into the record. */
export interface QuotedAccuracy {
  readonly maeDeg: number | null;
  readonly p95Deg: number | null;
  readonly note: string;
}

/** One point of the angle-over-time curve (recordings): each leg's angle, null where not measured. */
export interface CurvePoint {
  readonly tMs: number;
  readonly left: number | null;
  readonly right: number | null;
}

export interface SessionRecord {
  readonly format: typeof REPORT_FORMAT;
  readonly id: string;
  /** ISO 8601, UTC. */
  readonly createdAt: string;
  /** Set when the test was done through a trainer's screening link. */
  readonly client: { readonly label: string } | null;
  readonly context: CaptureContext;
  readonly accuracy: QuotedAccuracy;
  readonly outcome: Outcome;
  /** The angle curve of a recording (downsampled), empty for a live test. */
  readonly curve: readonly CurvePoint[];
}

/** Curves longer than this are thinned (a report page and an export do not need every frame). */
export const MAX_CURVE_POINTS = 2000;

export interface RecordMeta {
  readonly id: string;
  readonly createdAt: Date;
  readonly client?: string | null;
}

/** A finished live test → its record. */
export function sessionRecord(
  outcome: Outcome,
  context: Omit<CaptureContext, 'test' | 'source' | 'file'> & { source?: 'live'; file?: null },
  meta: RecordMeta,
): SessionRecord {
  const test = outcome.result.test;
  return build(outcome, { ...context, test, source: 'live', file: null }, meta, []);
}

/** An analysed recording → its record (the curve comes along, thinned). */
export function recordingRecord(
  analysis: RecordingAnalysis,
  context: Pick<CaptureContext, 'placement' | 'backend' | 'appVersion'>,
  meta: RecordMeta,
): SessionRecord {
  const ctx: CaptureContext = {
    ...context,
    test: analysis.test,
    model: analysis.info.model,
    source: 'recording',
    file: analysis.info.file,
  };
  const curve = analysis.frames.map((f) => ({ tMs: f.tMs, left: f.legs.left.deg, right: f.legs.right.deg }));
  return build(analysis.outcome, ctx, meta, thin(curve, MAX_CURVE_POINTS));
}

function build(
  outcome: Outcome,
  context: CaptureContext,
  meta: RecordMeta,
  curve: readonly CurvePoint[],
): SessionRecord {
  const e = MEASUREMENT_ERROR_DEG[context.test];
  const label = meta.client?.trim();
  return {
    format: REPORT_FORMAT,
    id: meta.id,
    createdAt: meta.createdAt.toISOString(),
    client: label ? { label } : null,
    context,
    accuracy: { maeDeg: e.maeDeg, p95Deg: e.p95Deg, note: e.note },
    outcome,
    curve,
  };
}

/** Every k-th point so at most `max` remain (first and last kept). */
export function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]!);
}

/** The sides a record measured (hip: the sides in the result; squat: the legs summarised). */
export function recordSides(r: SessionRecord): Side[] {
  const o = r.outcome;
  const keys = o.kind === 'hip' ? Object.keys(o.result.sides) : Object.keys(o.result.legs);
  return (['left', 'right'] as const).filter((s) => keys.includes(s));
}
