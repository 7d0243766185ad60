import { describe, expect, it } from 'vitest';
import { fppaAsymmetry, spread } from './squat_summary';
import type { LegSummary, RepValue } from './squat_types';

const v = (value: number, confidence = 0.8): RepValue => ({ ok: true, value, confidence });
const no = (reason: string): RepValue => ({ ok: false, reason });

describe('spread', () => {
  it('gives mean, sample SD, range, and confidence scaled by the share of reps with a value', () => {
    const s = spread([v(10), v(14), v(12), no('x')]);
    expect(s).toMatchObject({ n: 3, mean: 12, min: 10, max: 14, reason: null });
    expect(s.sd).toBeCloseTo(2, 12); // n − 1
    expect(s.confidence).toBeCloseTo(0.8 * 0.75, 12);
  });

  it('has no SD for one value, and the commonest reason for none', () => {
    expect(spread([v(5)]).sd).toBeNull();
    expect(spread([no('a'), no('b'), no('b')])).toEqual({
      n: 0,
      mean: null,
      sd: null,
      min: null,
      max: null,
      confidence: 0,
      reason: 'b',
    });
    expect(spread([]).reason).toBe('no reps were counted');
  });
});

describe('fppaAsymmetry', () => {
  const leg = (values: RepValue[]): LegSummary => ({
    fppaDeg: spread(values),
    medialKneeDisplacement: spread([]),
    footTurnOutDeg: spread([]),
  });

  it('is left minus right mean FPPA with the weaker confidence', () => {
    const a = fppaAsymmetry({ left: leg([v(16, 0.9), v(18, 0.9)]), right: leg([v(8, 0.6)]) });
    expect(a).toEqual({ ok: true, leftMinusRightDeg: 9, confidence: 0.6 });
  });

  it('says why not: one leg only, or a leg without values', () => {
    expect(fppaAsymmetry({ left: leg([v(3)]) })).toMatchObject({ ok: false, reason: /both legs/ });
    expect(fppaAsymmetry({ left: leg([v(3)]), right: leg([no('hidden knee')]) })).toEqual({
      ok: false,
      reason: 'no right FPPA: hidden knee',
    });
  });
});
