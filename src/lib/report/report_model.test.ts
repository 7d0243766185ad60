import { describe, expect, it } from 'vitest';
import { HIR, MEASUREMENT_ERROR_DEG } from '../feedback/thresholds';
import { hipRecord, squatRecord } from '../../testing/report_fixtures';
import { reportModel } from './report_model';
import { recordSides, thin } from './session_record';

describe('sessionRecord', () => {
  const r = hipRecord('prone', { client: '  Sam  ' });

  it('freezes the accuracy goniocam quotes for the test into the record', () => {
    expect(r.accuracy.maeDeg).toBe(MEASUREMENT_ERROR_DEG.prone.maeDeg);
    expect(r.accuracy.p95Deg).toBe(MEASUREMENT_ERROR_DEG.prone.p95Deg);
    expect(r.context).toMatchObject({ test: 'prone', source: 'live', file: null, model: 'blazepose-full' });
    expect(r.client).toEqual({ label: 'Sam' });
    expect(hipRecord('seated', { client: '   ' }).client).toBeNull();
    expect(recordSides(r)).toEqual(['left', 'right']);
  });

  it('thins a long curve to at most max points, keeping both ends', () => {
    const pts = Array.from({ length: 10_001 }, (_, i) => i);
    const t = thin(pts, 2000);
    expect(t).toHaveLength(2000);
    expect(t[0]).toBe(0);
    expect(t.at(-1)).toBe(10_000);
    expect(thin([1, 2], 2000)).toEqual([1, 2]);
  });
});

describe('reportModel: hip test', () => {
  const m = reportModel(hipRecord());

  it('has one row per side and direction with the value the protocol reported', () => {
    expect(m.values.map((v) => v.label)).toEqual([
      'Right hip, internal rotation',
      'Right hip, external rotation',
      'Left hip, internal rotation',
      'Left hip, external rotation',
    ]);
    const rec = hipRecord();
    const left = rec.outcome.kind === 'hip' ? rec.outcome.result.sides.left?.internal : undefined;
    expect(m.values[2]!.valueDeg).toBe(left?.valueDeg);
    expect(m.values[2]!.rule).toBe(left?.rule);
  });

  it('reads internal rotation against the 30–45° band and flags below 35°', () => {
    const [rightIr, , leftIr] = m.values;
    expect(rightIr!.band).toMatchObject({ lowDeg: HIR.normLowDeg.value, highDeg: HIR.normHighDeg.value });
    expect(rightIr!.valueDeg).toBeGreaterThan(35);
    expect(rightIr!.flag).toBeNull();
    expect(leftIr!.valueDeg).toBeLessThan(35);
    expect(leftIr!.flag).toBe('below the 35° functional minimum');
  });

  it('spells out every finding source and keeps every trial in time order', () => {
    expect(m.findings.length).toBeGreaterThan(0);
    for (const f of m.findings) {
      expect(f.sources.length).toBeGreaterThan(0);
      for (const s of f.sources) expect(s.citation).not.toMatch(/unknown source/);
    }
    expect(m.trials).toHaveLength(12);
    const starts = m.trials.map((t) => t.startMs);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('reportModel: squat', () => {
  const m = reportModel(squatRecord());

  it('has each knee FPPA with the valgus flag and no hip trials', () => {
    const left = m.values.find((v) => v.side === 'left')!;
    const right = m.values.find((v) => v.side === 'right')!;
    expect(left.kind).toBe('knee-fppa');
    expect(left.valueDeg).toBeCloseTo(18, 0);
    expect(left.flag).toMatch(/more valgus than 13.5°/);
    expect(right.valueDeg).toBeCloseTo(6, 0);
    expect(right.flag).toBeNull();
    expect(left.rule).toBe('mean of 5 reps');
    expect(m.trials).toEqual([]);
  });
});
