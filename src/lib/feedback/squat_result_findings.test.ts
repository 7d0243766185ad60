import { describe, expect, it } from 'vitest';
import { squatProtocol } from '../protocols/squat';
import { squatScript, type ScriptRep } from '../../testing/squat_script';
import type { SquatOptions, SquatResult } from '../protocols/squat_types';
import { byId, findingProblems, ids } from '../../testing/feedback_fixtures';
import { squatResultFindings, squatSummaryForFeedback } from './squat_result_findings';

/** A real SquatResult: a scripted squatter through the squat protocol. */
function resultOf(reps: readonly ScriptRep[], options: Partial<SquatOptions> = {}): SquatResult {
  const p = squatProtocol(options);
  let s = p.init(0);
  for (const f of squatScript(reps)) s = p.step(s, f.pose, f.tMs).state;
  return p.result(s)!;
}
const times = (n: number, rep: ScriptRep) => Array.from({ length: n }, () => rep);

describe('squatSummaryForFeedback', () => {
  it('gives the mean FPPA per leg over the reps and the weaker leg confidence', () => {
    const r = resultOf(times(3, { depth: 0.4, fppaDeg: { left: 16, right: 6 } }));
    const s = squatSummaryForFeedback(r);
    expect(s.fppaDeg.left).toBeCloseTo(16, 0);
    expect(s.fppaDeg.right).toBeCloseTo(6, 0);
    expect(s.confidence).toBeCloseTo(
      Math.min(r.legs.left!.fppaDeg.confidence, r.legs.right!.fppaDeg.confidence),
      12,
    );
    expect(s.confidence).toBeGreaterThan(0.5);
    expect(s.reason).toEqual({});
  });

  it('passes the reason on for a leg with no value, and has confidence 0 with none', () => {
    const r = resultOf(times(2, { depth: 0.4, kneeShift: 0.25 }));
    const s = squatSummaryForFeedback(r);
    expect(s.fppaDeg).toEqual({});
    expect(s.confidence).toBe(0);
    expect(s.reason!.left).toMatch(/turned to the camera/);
  });
});

describe('squatResultFindings', () => {
  it('flags the valgus knee, not the straight one, and says the upper body stayed upright', () => {
    const fs = squatResultFindings(resultOf(times(3, { depth: 0.4, fppaDeg: { left: 18, right: 5 } })));
    expect(byId(fs, 'squat-valgus-left')?.level).toBe('flag');
    expect(byId(fs, 'squat-fppa-ok-right')?.level).toBe('ok');
    // 13° apart: within goniocam’s own FPPA difference error on the report bodies (√2 × 12.0° ≈ 17°), so not flagged.
    expect(ids(fs)).not.toContain('squat-fppa-asymmetry');
    expect(byId(fs, 'squat-trunk-upright')?.level).toBe('ok');
    expect(fs.flatMap(findingProblems)).toEqual([]);
  });

  it('calls out a sideways trunk lean beyond goniocam limit, with the side and its evidence', () => {
    const fs = squatResultFindings(resultOf(times(3, { depth: 0.4, trunkLeanDeg: -14 })));
    const f = byId(fs, 'squat-trunk-lean')!;
    expect(f.level).toBe('attention');
    expect(f.title).toMatch(/right/);
    expect(f.text).toMatch(/not a clinical cut-off/);
    expect(f.evidence[0]).toMatchObject({ comparator: '>', threshold: 10, source: 'goniocam-engineering' });
    expect(f.evidence[0]!.value).toBeCloseTo(14, 0);
    expect(fs.flatMap(findingProblems)).toEqual([]);
  });

  it('single-leg squat: findings for the tested leg only', () => {
    const fs = squatResultFindings(
      resultOf(times(3, { depth: 0.12, fppaDeg: { left: 15 } }), { variant: 'single-left' }),
    );
    expect(ids(fs).filter((id) => id.endsWith('-right'))).toEqual([]);
    expect(byId(fs, 'squat-valgus-left')?.level).toBe('flag');
  });

  it('a turned body: says why the knees were not measured, no valgus claim', () => {
    const fs = squatResultFindings(
      resultOf(times(2, { depth: 0.4, fppaDeg: { left: 20 }, kneeShift: 0.25 })),
    );
    expect(byId(fs, 'squat-fppa-missing-left')?.text).toMatch(/turned to the camera/);
    expect(ids(fs).some((id) => id.startsWith('squat-valgus'))).toBe(false);
    expect(fs.flatMap(findingProblems)).toEqual([]);
  });

  it('no counted reps: one info finding that says what happened', () => {
    const fs = squatResultFindings(resultOf([{ depth: 0.11 }, { depth: 0.11 }]));
    expect(ids(fs)).toEqual(['squat-no-reps']);
    expect(fs[0]!.text).toMatch(/2 too shallow/);
    expect(fs.flatMap(findingProblems)).toEqual([]);
  });
});
