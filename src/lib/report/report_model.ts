// What a report shows, derived from a SessionRecord: one row per measured value with its norm band and
// flag, the findings with their sources spelled out, the trials, and the capture quality. The report page,
// the CSV and the FHIR export read this, so they cannot disagree. Pure.
import { source } from '../sources';
import { FPPA, HIR, NORM_MARGIN_DEG, ROTATION_NORMS } from '../feedback/thresholds';
import type { Finding } from '../feedback/types';
import type { Direction, HipTestId, Trial } from '../protocols/types';
import type { Side } from '../types';
import type { SessionRecord } from './session_record';

export type ValueKind = 'internal-rotation' | 'external-rotation' | 'knee-fppa';

export interface ValueRow {
  readonly side: Side;
  readonly kind: ValueKind;
  readonly label: string;
  /** The reported value (degrees), or null with `reason`. */
  readonly valueDeg: number | null;
  readonly confidence: number;
  readonly reason: string | null;
  /** How the value was formed (e.g. 'mean of 3 trials'). */
  readonly rule: string;
  /** The healthy band the value is read against, with where it comes from. */
  readonly band: { readonly lowDeg: number; readonly highDeg: number; readonly source: string } | null;
  /** Why the value is flagged (in words), or null. */
  readonly flag: string | null;
}

export interface SourcedFinding {
  readonly finding: Finding;
  /** The distinct sources of its evidence, resolved to citations (unknown ids kept as they are). */
  readonly sources: readonly { readonly id: string; readonly short: string; readonly citation: string }[];
}

export interface ReportModel {
  readonly record: SessionRecord;
  readonly values: readonly ValueRow[];
  readonly findings: readonly SourcedFinding[];
  /** Hip tests: every trial, valid or voided, in the order done. Squats: none (reps are in the result). */
  readonly trials: readonly Trial[];
}

const SIDES: readonly Side[] = ['right', 'left'];
const DIRS: readonly Direction[] = ['internal', 'external'];

export function reportModel(record: SessionRecord): ReportModel {
  const o = record.outcome;
  const values = o.kind === 'hip' ? hipRows(record) : squatRows(record);
  const trials =
    o.kind === 'hip'
      ? SIDES.flatMap((s) => DIRS.flatMap((d) => o.result.sides[s]?.[d]?.trials ?? [])).sort(
          (a, b) => a.startMs - b.startMs,
        )
      : [];
  return { record, values, findings: o.findings.map(sourced), trials };
}

function hipRows(record: SessionRecord): ValueRow[] {
  if (record.outcome.kind !== 'hip') return [];
  const result = record.outcome.result;
  const rows: ValueRow[] = [];
  for (const side of SIDES) {
    for (const dir of DIRS) {
      const dr = result.sides[side]?.[dir];
      if (!dr) continue;
      const band = dir === 'internal' ? irBand() : erBand(result.test);
      rows.push({
        side,
        kind: dir === 'internal' ? 'internal-rotation' : 'external-rotation',
        label: `${cap(side)} hip, ${dir} rotation`,
        valueDeg: dr.valueDeg,
        confidence: dr.confidence,
        reason: dr.reason,
        rule: dr.rule,
        band,
        flag: dr.valueDeg === null ? null : hipFlag(dir, dr.valueDeg, band),
      });
    }
  }
  return rows;
}

const irBand = () => ({
  lowDeg: HIR.normLowDeg.value,
  highDeg: HIR.normHighDeg.value,
  source: HIR.normLowDeg.source,
});

function erBand(test: HipTestId) {
  const mean = ROTATION_NORMS[test].erMeanDeg;
  const m = NORM_MARGIN_DEG.value;
  return { lowDeg: mean.value - m, highDeg: mean.value + m, source: mean.source };
}

function hipFlag(dir: Direction, value: number, band: NonNullable<ValueRow['band']>): string | null {
  if (dir === 'internal' && value < HIR.functionalMinDeg.value)
    return `below the ${HIR.functionalMinDeg.value}° functional minimum`;
  if (value < band.lowDeg) return `below the ${band.lowDeg}–${band.highDeg}° band`;
  if (value > band.highDeg) return `above the ${band.lowDeg}–${band.highDeg}° band`;
  return null;
}

function squatRows(record: SessionRecord): ValueRow[] {
  if (record.outcome.kind !== 'squat') return [];
  const r = record.outcome.result;
  const band = {
    lowDeg: FPPA.singleLegSquatHealthyMeanDeg.value - FPPA.singleLegSquatHealthySdDeg.value,
    highDeg: FPPA.valgusFlagDeg.value,
    source: FPPA.valgusFlagDeg.source,
  };
  return SIDES.flatMap((side): ValueRow[] => {
    const leg = r.legs[side];
    if (!leg) return [];
    const f = leg.fppaDeg;
    const value = f.mean === null ? null : Math.round(f.mean * 10) / 10;
    return [
      {
        side,
        kind: 'knee-fppa',
        label: `${cap(side)} knee, FPPA at the deepest point`,
        valueDeg: value,
        confidence: f.confidence,
        reason: f.reason,
        rule: `mean of ${f.n} rep${f.n === 1 ? '' : 's'}`,
        band,
        flag: value !== null && value > band.highDeg ? `more valgus than ${band.highDeg}°` : null,
      },
    ];
  });
}

function sourced(finding: Finding): SourcedFinding {
  const ids = [...new Set(finding.evidence.map((e) => e.source))];
  return {
    finding,
    sources: ids.map((id) => {
      const s = source(id);
      return { id, short: s?.short ?? id, citation: s?.citation ?? `unknown source "${id}"` };
    }),
  };
}

const cap = (s: Side) => (s === 'left' ? 'Left' : 'Right');
