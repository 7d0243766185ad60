import { describe, expect, it } from 'vitest';
import { hipRecord, squatRecord } from '../../testing/report_fixtures';
import { parseCsv } from '../../testing/parse_csv';
import { HIP_TRIAL_COLUMNS, SQUAT_REP_COLUMNS, safeText, trialsCsv } from './report_csv';

describe('trialsCsv', () => {
  it('writes one row per hip trial with the session columns repeated', () => {
    const rec = hipRecord('seated', { client: 'Sam, "the runner"' });
    const rows = parseCsv(trialsCsv(rec));
    expect(rows[0]).toEqual([...HIP_TRIAL_COLUMNS]);
    expect(rows).toHaveLength(13);
    for (const r of rows.slice(1)) {
      expect(r.slice(0, 5)).toEqual([
        'hip-seated',
        rec.createdAt,
        'Sam, "the runner"',
        'seated',
        'blazepose-full',
      ]);
      expect(Number(r[8])).toBeGreaterThan(0);
    }
    const leftIr = rows.filter((r) => r[5] === 'left' && r[6] === 'internal').map((r) => Number(r[8]));
    expect(leftIr).toHaveLength(3);
    const mean = leftIr.reduce((a, b) => a + b, 0) / 3;
    const reported = rec.outcome.kind === 'hip' ? rec.outcome.result.sides.left!.internal!.valueDeg! : NaN;
    expect(mean).toBeCloseTo(reported, 0);
  });

  it('writes one row per squat rep and leg', () => {
    const rows = parseCsv(trialsCsv(squatRecord()));
    expect(rows[0]).toEqual([...SQUAT_REP_COLUMNS]);
    expect(rows).toHaveLength(11);
    const left = rows.filter((r) => r[6] === 'left').map((r) => Number(r[7]));
    for (const v of left) expect(v).toBeCloseTo(18, 0);
  });

  it('defuses text a spreadsheet would run as a formula, and only text', () => {
    expect(safeText('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(safeText('+1')).toBe("'+1");
    expect(safeText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeText('Sam')).toBe('Sam');
    const rows = parseCsv(trialsCsv(hipRecord('seated', { client: '=cmd|calc' })));
    expect(rows[1]![2]).toBe("'=cmd|calc");
    // Negative numbers stay numbers.
    expect(rows.slice(1).some((r) => r[7]!.startsWith("'"))).toBe(false);
  });
});
