// The per-trial CSV of a stored session: one row per hip trial (valid or voided), or one row per squat rep
// and leg. Every row repeats the session's id, date, client and test so files from many sessions can be
// concatenated and still read. Text can come from someone else's device (a screening client's label), so a
// text cell that starts like a formula is defused with an apostrophe (OWASP "CSV injection"). Pure.
import type { RepValue } from '../protocols/squat_types';
import { csvDocument, round, type CsvCell } from './csv';
import { reportModel } from './report_model';
import type { SessionRecord } from './session_record';

const SESSION_COLS = ['session_id', 'created_at', 'client', 'test', 'model'] as const;

export const HIP_TRIAL_COLUMNS = [
  ...SESSION_COLS,
  'side',
  'direction',
  'attempt',
  'value_deg',
  'valid',
  'confidence',
  'neutral_deg',
  'start_ms',
  'end_ms',
  'compensations',
] as const;

export const SQUAT_REP_COLUMNS = [
  ...SESSION_COLS,
  'rep',
  'side',
  'fppa_deg',
  'medial_knee_displacement',
  'foot_turnout_deg',
  'depth',
  'trunk_lean_deg',
  'start_ms',
  'bottom_ms',
  'end_ms',
] as const;

export function trialsCsv(record: SessionRecord): string {
  const session: CsvCell[] = [
    safeText(record.id),
    record.createdAt,
    record.client ? safeText(record.client.label) : null,
    record.context.test,
    record.context.model,
  ];
  const o = record.outcome;
  if (o.kind === 'hip') {
    const rows = reportModel(record).trials.map((t): CsvCell[] => [
      ...session,
      t.side,
      t.direction,
      t.attempt,
      round(t.valueDeg, 1),
      t.valid,
      round(t.confidence, 2),
      round(t.neutralDeg, 1),
      t.startMs,
      t.endMs,
      t.compensations.map((c) => `${c.kind} (${c.severity})`).join('; '),
    ]);
    return csvDocument([HIP_TRIAL_COLUMNS, ...rows]);
  }
  const rows = o.result.reps.flatMap((rep) =>
    (['right', 'left'] as const).flatMap((side): CsvCell[][] => {
      const leg = rep.legs[side];
      if (!leg) return [];
      return [
        [
          ...session,
          rep.index,
          side,
          val(leg.fppaDeg),
          val(leg.medialKneeDisplacement),
          val(leg.footTurnOutDeg),
          val(rep.depth),
          val(rep.trunkLeanDeg),
          rep.startMs,
          rep.bottomMs,
          rep.endMs,
        ],
      ];
    }),
  );
  return csvDocument([SQUAT_REP_COLUMNS, ...rows]);
}

const val = (r: RepValue): number | null => (r.ok ? round(r.value, 3) : null);

/** Text that a spreadsheet would run as a formula gets an apostrophe in front. */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
