// A recording's analysis as files: the `goniocam-analysis/1` JSON (issue 8), a per-frame CSV and a per-trial
// CSV. The CLI prints these and the browser offers them as downloads, so both give the same bytes for the
// same analysis. Pure: no clock, no DOM, numbers rounded here once.
import type { FindingLevel } from '../feedback/types';
import type {
  HipRecordingAnalysis,
  RecordingAnalysis,
  SquatRecordingAnalysis,
} from '../pipeline/analysis_types';
import type { SquatRep } from '../protocols/squat_types';
import type { Direction, DirectionResult } from '../protocols/types';
import { JOINT_NAMES, type Side } from '../types';
import { csvDocument, round, type CsvCell } from './csv';

export const ANALYSIS_FORMAT = 'goniocam-analysis/1';

/**
 * The file's finding levels. The schema names four (flag, note, info, ok) and the app has four
 * ('flag' | 'attention' | 'info' | 'ok', feedback/types.ts); 'attention' (worth a look, not a flag) is the
 * schema's 'note'. The others keep their names.
 */
export type AnalysisFindingLevel = 'flag' | 'note' | 'info' | 'ok';
const LEVEL: Readonly<Record<FindingLevel, AnalysisFindingLevel>> = {
  flag: 'flag',
  attention: 'note',
  info: 'info',
  ok: 'ok',
};

export interface AnalysisTrialJson {
  startMs: number;
  peakMs: number;
  endMs: number;
  /** Rotation at the peak, positive in the trial's direction (external trials: degrees of ER). */
  peakDeg: number;
  valid: boolean;
  compensations: { kind: string; severity: 'flag' | 'invalid'; message: string; tMs: number }[];
  /** Only on a trial listed but not counted (a valid trial after the first three), with why. */
  excluded?: string;
}

export interface AnalysisDirectionJson {
  direction: Direction;
  /** Positive degrees in this direction (external: degrees of external rotation); null with `reason`. */
  resultDeg: number | null;
  rule: string;
  confidence: number;
  reason: string | null;
  trials: AnalysisTrialJson[];
}

export interface AnalysisRepJson {
  startMs: number;
  bottomMs: number;
  endMs: number;
  /** Knee FPPA at the deepest measurable frame, + valgus; null for a leg the rep could not measure. */
  fppaDeg: Record<Side, number | null>;
  /**
   * Depth as the app measures it from the front: deepest hip drop ÷ standing leg length (0 standing, ~0.3–0.5
   * a deep squat). Not degrees: a frontal camera sees no knee or hip flexion angle, so the issue's
   * `depthDeg` would have to be invented from a leg model; the measured ratio is given instead.
   */
  depthFraction: number | null;
  /**
   * Knee-in (geometry/knee_in.ts): both knees' mean sideways travel toward the midline relative to the feet since
   * standing, fraction of the standing leg length, + in (valgus), median over the rep's bottom; null when refused.
   * A camera turned off square cannot change it (the turn adds to one knee what it takes from the other).
   */
  kneeIn: number | null;
  /** When each leg's FPPA frame was (ms): in a deep squat on the way down or up, not at the bottom. */
  fppaAtMs: Record<Side, number | null>;
}

export interface AnalysisJson {
  format: typeof ANALYSIS_FORMAT;
  file: string;
  test: RecordingAnalysis['test'];
  model: string;
  fps: number;
  frames: number;
  durationS: number;
  analysisS: number;
  sides: { side: Side; directions?: AnalysisDirectionJson[] }[];
  reps?: AnalysisRepJson[];
  findings: { id: string; level: AnalysisFindingLevel; title: string }[];
}

/** Right first: the order the live test and the example use. */
const SIDES: readonly Side[] = ['right', 'left'];
const DIRECTIONS: readonly Direction[] = ['internal', 'external'];

/** The `goniocam-analysis/1` object, keys in the documented order. */
export function analysisJson(a: RecordingAnalysis): AnalysisJson {
  const head = {
    format: ANALYSIS_FORMAT,
    file: a.info.file,
    test: a.test,
    model: a.info.model,
    fps: round(a.info.fps, 2) ?? 0,
    frames: a.info.frames,
    durationS: round(a.info.durationS, 2) ?? 0,
    analysisS: round(a.info.analysisS, 1) ?? 0,
  } as const;
  const findings = a.outcome.findings.map((f) => ({ id: f.id, level: LEVEL[f.level], title: f.title }));
  if (a.kind === 'hip') return { ...head, sides: hipSides(a), findings };
  return { ...head, sides: squatSides(a), reps: a.outcome.result.reps.map(repJson), findings };
}

function hipSides(a: HipRecordingAnalysis): { side: Side; directions: AnalysisDirectionJson[] }[] {
  const out = [];
  for (const side of SIDES) {
    const directions: AnalysisDirectionJson[] = [];
    for (const direction of DIRECTIONS) {
      const result = a.outcome.result.sides[side]?.[direction];
      const missing = a.missing.find((m) => m.side === side && m.direction === direction);
      if (!result && !missing) continue;
      directions.push(directionJson(a, side, direction, result, missing?.reason ?? null));
    }
    if (directions.length > 0) out.push({ side, directions });
  }
  return out;
}

function directionJson(
  a: HipRecordingAnalysis,
  side: Side,
  direction: Direction,
  result: DirectionResult | undefined,
  missingReason: string | null,
): AnalysisDirectionJson {
  const resultDeg = round(result?.valueDeg, 1);
  const trials = a.trials
    .filter((t) => t.side === side && t.direction === direction)
    .map((t) => ({
      startMs: Math.round(t.startMs),
      peakMs: Math.round(t.peakMs),
      endMs: Math.round(t.endMs),
      peakDeg: round(t.peakDeg, 1) ?? 0,
      valid: t.valid,
      compensations: t.compensations.map((c) => ({
        kind: c.kind,
        severity: c.severity,
        message: c.message,
        tMs: Math.round(c.tMs),
      })),
      ...(t.excluded ? { excluded: t.excluded } : {}),
    }));
  return {
    direction,
    resultDeg,
    rule: result?.rule ?? 'not measured',
    confidence: resultDeg === null ? 0 : (round(result?.confidence, 2) ?? 0),
    // The clip-level reason (this side was never shown) says more than the rule's generic "not measured".
    reason: resultDeg === null ? (missingReason ?? result?.reason ?? 'not measured') : null,
    trials,
  };
}

/** A squat names the legs it measured; per-leg values sit in `reps` (the issue omits `directions`). */
function squatSides(a: SquatRecordingAnalysis): { side: Side }[] {
  const legs = a.outcome.result.legs;
  return SIDES.filter((s) => legs[s] !== undefined).map((side) => ({ side }));
}

function repJson(r: SquatRep): AnalysisRepJson {
  const fppa = (s: Side) => {
    const v = r.legs[s]?.fppaDeg;
    return v?.ok ? round(v.value, 1) : null;
  };
  return {
    startMs: Math.round(r.startMs),
    bottomMs: Math.round(r.bottomMs),
    endMs: Math.round(r.endMs),
    fppaDeg: { left: fppa('left'), right: fppa('right') },
    depthFraction: r.depth.ok ? round(r.depth.value, 3) : null,
    kneeIn: r.kneeIn?.ok ? round(r.kneeIn.value, 3) : null,
    fppaAtMs: {
      left: r.legs.left?.fppaAtMs ?? null,
      right: r.legs.right?.fppaAtMs ?? null,
    },
  };
}

/** The per-frame angle's column name: what it is and which sign is positive. */
function angleName(a: RecordingAnalysis, side: Side): string {
  return a.kind === 'hip' ? `${side}_hip_ir_deg` : `${side}_knee_valgus_fppa_deg`;
}

/**
 * One row per analysed frame: time (ms, the frame's own timestamp), then x, y (source-frame pixels) and score
 * of all 33 BlazePose joints (empty where the model has none, e.g. MoveNet's feet, or no person was found),
 * then per leg the angle (hip: femoral rotation, internal positive; squat: FPPA, valgus positive), its
 * confidence, whether it was measured and why not.
 */
export function framesCsv(a: RecordingAnalysis): string {
  const header: string[] = ['t_ms'];
  for (const j of JOINT_NAMES) header.push(`${j}_x`, `${j}_y`, `${j}_score`);
  for (const side of ['left', 'right'] as const)
    header.push(angleName(a, side), `${side}_confidence`, `${side}_valid`, `${side}_reason`);
  const rows: CsvCell[][] = [header];
  for (const f of a.frames) {
    const row: CsvCell[] = [round(f.tMs, 3)];
    for (const name of JOINT_NAMES) {
      const j = f.pose?.joints[name];
      row.push(round(j?.x, 2), round(j?.y, 2), round(j?.score, 3));
    }
    for (const side of ['left', 'right'] as const) {
      const leg = f.legs[side];
      row.push(round(leg.deg, 2), round(leg.confidence, 3), leg.deg !== null, leg.reason);
    }
    rows.push(row);
  }
  return csvDocument(rows);
}

/**
 * Hip tests: one row per trial found (side, direction, attempt, times, the held value and the peak, both
 * positive in the trial's direction, valid, confidence, compensations as `kind:severity; …`, and why a
 * valid trial was not counted). Squats have reps,
 * not trials: one row per rep instead (times, depth fraction, FPPA per leg, trunk lean).
 */
export function trialsCsv(a: RecordingAnalysis): string {
  if (a.kind === 'squat') return repsCsv(a);
  const rows: CsvCell[][] = [
    [
      'side',
      'direction',
      'attempt',
      'start_ms',
      'peak_ms',
      'end_ms',
      'value_deg',
      'peak_deg',
      'neutral_deg',
      'confidence',
      'valid',
      'compensations',
      'excluded',
    ],
  ];
  for (const t of a.trials) {
    rows.push([
      t.side,
      t.direction,
      t.attempt,
      Math.round(t.startMs),
      Math.round(t.peakMs),
      Math.round(t.endMs),
      round(t.valueDeg, 1),
      round(t.peakDeg, 1),
      round(t.neutralDeg, 1),
      round(t.confidence, 2),
      t.valid,
      t.compensations.map((c) => `${c.kind}:${c.severity}`).join('; '),
      t.excluded ?? '',
    ]);
  }
  return csvDocument(rows);
}

function repsCsv(a: SquatRecordingAnalysis): string {
  const rows: CsvCell[][] = [
    [
      'rep',
      'start_ms',
      'bottom_ms',
      'end_ms',
      'depth_fraction',
      'left_fppa_deg',
      'right_fppa_deg',
      'trunk_lean_deg',
    ],
  ];
  for (const r of a.outcome.result.reps) {
    const j = repJson(r);
    const lean = r.trunkLeanDeg.ok ? round(r.trunkLeanDeg.value, 1) : null;
    rows.push([
      r.index,
      j.startMs,
      j.bottomMs,
      j.endMs,
      j.depthFraction,
      j.fppaDeg.left,
      j.fppaDeg.right,
      lean,
    ]);
  }
  return csvDocument(rows);
}
