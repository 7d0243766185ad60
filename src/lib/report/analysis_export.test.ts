import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../testing/parse_csv';
import { seatedAnalysis, squatAnalysis } from '../../testing/recording_analyses';
import type { Finding } from '../feedback/types';
import { JOINT_NAMES } from '../types';
import { analysisJson, framesCsv, trialsCsv } from './analysis_export';

const finding = (id: string, level: Finding['level']): Finding => ({
  id,
  level,
  title: `title ${id}`,
  text: 'text',
  evidence: [],
  confidence: 1,
  drills: [],
});

describe('analysisJson, hip test', () => {
  const a = seatedAnalysis();
  const json = analysisJson(a);

  it('has the issue keys in the issue order, and no reps', () => {
    expect(Object.keys(json)).toEqual([
      'format',
      'file',
      'test',
      'model',
      'fps',
      'frames',
      'durationS',
      'analysisS',
      'sides',
      'findings',
    ]);
    expect(json).toMatchObject({
      format: 'goniocam-analysis/1',
      file: 'seated.mp4',
      test: 'seated',
      model: 'blazepose-full',
      fps: 29.97,
      frames: 3,
      durationS: 60.03,
      analysisS: 21.4,
    });
  });

  it('gives each measured direction its mean of valid trials, external as positive degrees of ER', () => {
    const right = json.sides.find((s) => s.side === 'right')!;
    expect(json.sides[0]!.side).toBe('right');
    const [internal, external] = right.directions!;
    expect(Object.keys(internal!)).toEqual([
      'direction',
      'resultDeg',
      'rule',
      'confidence',
      'reason',
      'trials',
    ]);
    expect(internal).toMatchObject({ direction: 'internal', resultDeg: 35, reason: null });
    expect(internal!.rule).toMatch(/mean of 2 valid trials/);
    expect(external).toMatchObject({ direction: 'external', resultDeg: 42, reason: null });
    expect(external!.confidence).toBeGreaterThan(0);
    expect(internal!.trials.map((t) => t.valid)).toEqual([true, false, true, true]);
    // The fourth is listed, with why it does not count; the counted ones carry no such key.
    expect(internal!.trials[3]!.excluded).toMatch(/first three/);
    expect('excluded' in internal!.trials[0]!).toBe(false);
    expect(Object.keys(internal!.trials[0]!)).toEqual([
      'startMs',
      'peakMs',
      'endMs',
      'peakDeg',
      'valid',
      'compensations',
    ]);
    expect(internal!.trials[0]).toMatchObject({ startMs: 2000, peakMs: 3500, endMs: 5000, peakDeg: 34.4 });
    expect(internal!.trials[1]!.compensations).toEqual([
      expect.objectContaining({ kind: 'knee-moved', severity: 'invalid', tMs: 9800 }),
    ]);
  });

  it('gives a side the clip does not show resultDeg null with the reason', () => {
    const left = json.sides.find((s) => s.side === 'left')!;
    expect(left.directions).toHaveLength(2);
    for (const d of left.directions!) {
      expect(d.resultDeg).toBeNull();
      expect(d.confidence).toBe(0);
      expect(d.reason).toBe('the clip does not show the left leg turning');
      expect(d.trials).toEqual([]);
    }
  });

  it('carries the outcome findings, attention written as the schema level "note"', () => {
    expect(json.findings.map((f) => f.id)).toEqual(a.outcome.findings.map((f) => f.id));
    const levels = ['flag', 'attention', 'info', 'ok'] as const;
    const mapped = analysisJson({
      ...a,
      outcome: { ...a.outcome, findings: levels.map((l) => finding(l, l)) },
    }).findings;
    expect(mapped).toEqual([
      { id: 'flag', level: 'flag', title: 'title flag' },
      { id: 'attention', level: 'note', title: 'title attention' },
      { id: 'info', level: 'info', title: 'title info' },
      { id: 'ok', level: 'ok', title: 'title ok' },
    ]);
  });

  it('survives JSON and leaves its input untouched', () => {
    const before = JSON.stringify(a);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(JSON.stringify(a)).toBe(before);
  });
});

describe('analysisJson, squat', () => {
  const a = squatAnalysis();
  const json = analysisJson(a);

  it('lists the reps with FPPA per leg and depth, and sides without directions', () => {
    expect(Object.keys(json)).toContain('reps');
    expect(json.sides).toEqual([{ side: 'right' }, { side: 'left' }]);
    expect(json.reps).toHaveLength(3);
    for (const r of json.reps!) {
      expect(Object.keys(r)).toEqual([
        'startMs',
        'bottomMs',
        'endMs',
        'fppaDeg',
        'depthFraction',
        'kneeIn',
        'fppaAtMs',
      ]);
      expect(r.startMs).toBeLessThan(r.bottomMs);
      expect(r.bottomMs).toBeLessThan(r.endMs);
      expect(r.fppaDeg.left).toBeCloseTo(12, 0);
      expect(r.fppaDeg.right).toBeCloseTo(4, 0);
      expect(r.depthFraction).toBeCloseTo(0.4, 1);
    }
    expect(json.findings.length).toBeGreaterThan(0);
  });
});

describe('framesCsv', () => {
  const a = seatedAnalysis();
  const rows = parseCsv(framesCsv(a));

  it('has a header of time, 33 joints × (x, y, score) and per leg angle, confidence, valid, reason', () => {
    const header = rows[0]!;
    expect(header[0]).toBe('t_ms');
    expect(header).toHaveLength(1 + JOINT_NAMES.length * 3 + 8);
    expect(header.slice(1, 4)).toEqual(['nose_x', 'nose_y', 'nose_score']);
    expect(header.slice(-8)).toEqual([
      'left_hip_ir_deg',
      'left_confidence',
      'left_valid',
      'left_reason',
      'right_hip_ir_deg',
      'right_confidence',
      'right_valid',
      'right_reason',
    ]);
    expect(new Set(header).size).toBe(header.length);
  });

  it('writes one row per frame with its own timestamp, empty where nothing was found', () => {
    expect(rows).toHaveLength(1 + a.frames.length);
    for (const r of rows) expect(r).toHaveLength(rows[0]!.length);
    const col = (name: string) => rows[0]!.indexOf(name);
    const [first, empty, third] = rows.slice(1);
    expect(first![0]).toBe('0');
    expect(empty![0]).toBe('33.367');
    expect(first![col('right_hip_x')]).toBe('300.12');
    expect(first![col('right_hip_score')]).toBe('0.988');
    expect(first![col('nose_x')]).toBe('');
    expect(first![col('right_hip_ir_deg')]).toBe('1.23');
    expect(first![col('right_valid')]).toBe('true');
    expect(first![col('left_valid')]).toBe('false');
    expect(first![col('left_reason')]).toBe('left knee not in view');
    expect(empty!.slice(1, 1 + JOINT_NAMES.length * 3).every((c) => c === '')).toBe(true);
    // The reason holds a comma: quoted on the way out, the same text on the way back.
    expect(empty![col('right_reason')]).toBe('no person, in view');
    expect(third![col('right_hip_ir_deg')]).toBe('-12.5');
  });

  it('names the squat angle FPPA', () => {
    const header = parseCsv(framesCsv(squatAnalysis()))[0]!;
    expect(header).toContain('left_knee_valgus_fppa_deg');
    expect(header).not.toContain('left_hip_ir_deg');
  });
});

describe('trialsCsv', () => {
  it('writes one row per hip trial, a voided one with its compensations', () => {
    const rows = parseCsv(trialsCsv(seatedAnalysis()));
    expect(rows[0]!.join(',')).toBe(
      'side,direction,attempt,start_ms,peak_ms,end_ms,value_deg,peak_deg,neutral_deg,confidence,valid,compensations,excluded',
    );
    expect(rows).toHaveLength(7);
    expect(rows[1]!.join(',')).toBe('right,internal,1,2000,3500,5000,34,34.4,1.2,0.9,true,,');
    expect(rows[2]!.slice(6)).toEqual(['', '20.4', '1.2', '0.9', 'false', 'knee-moved:invalid', '']);
    expect(rows[6]!.at(-1)).toMatch(/^after the first three/);
    expect(
      rows
        .slice(1)
        .map((r) => r[1])
        .join(' '),
    ).toBe('internal internal internal external external internal');
  });

  it('writes one row per squat rep', () => {
    const rows = parseCsv(trialsCsv(squatAnalysis()));
    expect(rows[0]).toEqual([
      'rep',
      'start_ms',
      'bottom_ms',
      'end_ms',
      'depth_fraction',
      'left_fppa_deg',
      'right_fppa_deg',
      'trunk_lean_deg',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['1', '2', '3']);
    for (const r of rows.slice(1)) expect(Number(r[5])).toBeCloseTo(12, 0);
  });
});
