import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HipTestResult } from '../protocols/types';
import { byId, findingProblems, hipResult, ids } from '../../testing/feedback_fixtures';
import { classifyRotation } from './pattern_rules';
import { evaluateAll, hipPatterns, orderFindings, squatHirLink } from './patterns';

const seated = (ir: number | null, er?: number | null) =>
  hipResult('seated', { left: er === undefined ? { internal: ir } : { internal: ir, external: er } });
const patternIds = (r: HipTestResult) => ids(hipPatterns(r));

describe('classifyRotation (seated norms: ER mean 40.6°, arc mean 78.5°, margin 10°)', () => {
  it.each([
    [20, 25, 'soft-tissue'], // limited both ways
    [25, 38, 'soft-tissue'], // ER typical, arc 63 < 68.5
    [25, 55, 'structural'], // ER high
    [30, 45, 'structural'], // arc 75 normal, ER leads by 15
    [34, 36, null], // mildly low IR, balanced normal arc
    [35, 20, null], // IR not under 35
    [50, 25, 'anteversion'],
    [50, 40, null],
    [40, 25, null],
  ] as const)('IR %s°, ER %s° → %s', (ir, er, want) => {
    expect(classifyRotation('seated', ir, er).pattern).toBe(want);
  });
});

describe('hipPatterns', () => {
  it('low in both directions → soft-tissue hint with passive then active drills', () => {
    const f = byId(hipPatterns(seated(22, 25)), 'pattern-soft-tissue-seated-left');
    expect(f?.level).toBe('attention');
    expect(f?.text).toMatch(/both inward and outward/);
    expect(f?.text).toMatch(/capsule/);
    expect(f?.drills).toEqual(['modified-90-90', 'supine-passive-ir', 'seated-ir-lift', 'hip-cars']);
    expect(f?.evidence.map((e) => e.source)).toEqual(['seed', 'kouyoumdjian-2012', 'goniocam-engineering']);
  });

  it('low IR with a reduced arc but typical ER → soft-tissue, citing the arc', () => {
    const f = byId(hipPatterns(seated(25, 38)), 'pattern-soft-tissue-seated-left');
    expect(f?.text).toMatch(/whole range of turning is smaller/);
    expect(f?.evidence[1]?.label).toMatch(/total rotation/);
  });

  it('low IR with high ER → structural hint (retroversion), realistic goals, clinician, no stretching', () => {
    const fs = hipPatterns(seated(25, 55));
    expect(ids(fs)).toEqual(['pattern-structural-seated-left']);
    const f = fs[0];
    expect(f?.text).toMatch(/retroversion/);
    expect(f?.text).toMatch(/realistic goals/);
    expect(f?.text).toMatch(/physiotherapist or doctor/);
    expect(f?.drills).toEqual(['hip-cars']);
  });

  it('low IR with a normal arc leaning outward → structural, citing the 10° balance rule', () => {
    const f = byId(hipPatterns(seated(30, 45)), 'pattern-structural-seated-left');
    expect(f?.text).toMatch(/shifted outward rather than lost/);
    expect(f?.evidence.map((e) => e.source)).toContain('ellison-1990');
  });

  it('high IR with low ER → anteversion hint', () => {
    const f = byId(hipPatterns(seated(50, 25)), 'pattern-anteversion-seated-left');
    expect(f?.text).toMatch(/anteversion/);
    expect(f?.drills).toEqual(['hip-cars']);
  });

  it('no hint for normal or merely mildly low readings', () => {
    expect(patternIds(seated(40, 40))).toEqual([]);
    expect(patternIds(seated(34, 36))).toEqual([]);
    expect(patternIds(seated(35, 20))).toEqual([]);
    expect(patternIds(seated(50, 40))).toEqual([]);
  });

  it('low IR without ER asks for ER instead of guessing', () => {
    expect(patternIds(seated(25))).toEqual(['pattern-needs-er-seated-left']);
    expect(patternIds(seated(25, null))).toEqual(['pattern-needs-er-seated-left']);
    expect(patternIds(seated(40))).toEqual([]);
    expect(patternIds(seated(null, 30))).toEqual([]);
  });

  it('a test without an established accuracy (prone) says to confirm with the seated test', () => {
    const pro = hipPatterns(hipResult('prone', { right: { internal: 22, external: 25 } }));
    expect(byId(pro, 'pattern-soft-tissue-prone-right')?.text).toMatch(/confirm this with the seated test/);
    expect(byId(hipPatterns(seated(22, 25)), 'pattern-soft-tissue-seated-left')?.text).not.toMatch(/confirm/);
  });

  it('the IR finding of a shifted range suggests no stretching', () => {
    const f = byId(evaluateAll({ hip: [seated(25, 55)] }), 'hir-below-minimum-seated-left');
    expect(f?.drills).toEqual(['hip-cars']);
    expect(f?.text).toMatch(/shape of the bone/);
    expect(
      byId(evaluateAll({ hip: [seated(25, 25)] }), 'hir-below-minimum-seated-left')?.drills,
    ).toHaveLength(4);
  });
});

describe('squatHirLink: knee caving in + limited HIR on the same side', () => {
  const squat = (left: number, right = 5) => ({ fppaDeg: { left, right }, confidence: 0.6 });

  it('fires for valgus above 13.5° with IR under 35° on that side', () => {
    const fs = squatHirLink([seated(28, 35)], squat(18));
    expect(ids(fs)).toEqual(['squat-valgus-with-limited-hir-left']);
    const f = fs[0];
    expect(f?.text).toMatch(/knee often caves in/);
    expect(f?.text).toMatch(/repeat the squat/);
    expect(f?.drills[0]).toBe('modified-90-90');
    expect(f?.confidence).toBe(0.6);
    expect(f?.evidence.map((e) => e.source)).toEqual(['herrington-2014', 'seed']);
  });

  it('does not fire at exactly 13.5°, at IR exactly 35°, on the other side, or without a hip reading', () => {
    expect(squatHirLink([seated(28)], squat(13.5))).toEqual([]);
    expect(squatHirLink([seated(35)], squat(18))).toEqual([]);
    expect(squatHirLink([hipResult('seated', { right: { internal: 20 } })], squat(18))).toEqual([]);
    expect(squatHirLink([seated(null)], squat(18))).toEqual([]);
    expect(squatHirLink([], squat(18))).toEqual([]);
  });

  it('believes the most accurate test: seated 40° (4.1° MAE) outweighs supine 25° (4.8°)', () => {
    const sup = hipResult('supine', { left: { internal: 25 } });
    expect(squatHirLink([sup, seated(40)], squat(18))).toEqual([]);
    expect(ids(squatHirLink([sup], squat(18)))).toEqual(['squat-valgus-with-limited-hir-left']);
  });
});

describe('evaluateAll', () => {
  it('combines hip, patterns, squat and the link, most important first', () => {
    const fs = evaluateAll({
      hip: [
        hipResult('seated', { left: { internal: 22, external: 22 }, right: { internal: 40, external: 40 } }),
      ],
      squat: { fppaDeg: { left: 18, right: 8 }, confidence: 0.8 },
    });
    const got = ids(fs);
    expect(got.slice(0, 4)).toEqual([
      'hir-below-minimum-seated-left',
      'hir-asymmetry-seated',
      'squat-valgus-left',
      'er-asymmetry-seated',
    ]);
    expect(got).toContain('squat-valgus-with-limited-hir-left');
    expect(got).toContain('pattern-soft-tissue-seated-left');
    expect(got.indexOf('squat-valgus-with-limited-hir-left')).toBeLessThan(
      got.indexOf('pattern-soft-tissue-seated-left'),
    );
    const levels = fs.map((f) => ['flag', 'attention', 'info', 'ok'].indexOf(f.level));
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(fs.flatMap(findingProblems)).toEqual([]);
    expect(new Set(got).size).toBe(got.length);
  });

  it('empty input gives no findings; squat only gives squat findings', () => {
    expect(evaluateAll({})).toEqual([]);
    expect(ids(evaluateAll({ squat: { fppaDeg: { left: 5, right: 6 }, confidence: 1 } }))).toEqual([
      'squat-fppa-ok-left',
      'squat-fppa-ok-right',
    ]);
  });

  it('a later result for the same test replaces the earlier one', () => {
    const fs = evaluateAll({ hip: [seated(20), seated(40)] });
    expect(ids(fs)).toContain('hir-in-range-seated-left');
    expect(ids(fs)).not.toContain('hir-below-minimum-seated-left');
  });

  it('orderFindings is stable and does not mutate its input', () => {
    const fs = evaluateAll({ hip: [seated(25, 55)] });
    const copy = [...fs].reverse();
    const frozen = Object.freeze([...copy]);
    expect(orderFindings(frozen)).toEqual(fs);
  });

  it('never prints NaN/undefined, always has evidence with a known source (property)', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.constant(NaN),
      fc.double({ min: -30, max: 90, noNaN: true }),
      fc.constantFrom(30, 35, 45),
    );
    const dirs = fc.record({
      internal: fc.option(value, { nil: undefined }),
      external: fc.option(value, { nil: undefined }),
    });
    const sideSpec = fc.option(dirs, { nil: undefined });
    const test = fc.constantFrom('seated', 'supine', 'prone') as fc.Arbitrary<'seated' | 'supine' | 'prone'>;
    const result = fc
      .record({ test, left: sideSpec, right: sideSpec })
      .map(({ test, left, right }) =>
        hipResult(test, { ...(left ? { left } : {}), ...(right ? { right } : {}) }),
      );
    const fppa = fc.option(fc.double({ min: -20, max: 40, noNaN: false }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(result, { maxLength: 3 }),
        fc.option(fc.record({ left: fppa, right: fppa, confidence: fc.double({ min: 0, max: 1 }) }), {
          nil: undefined,
        }),
        (hip, sq) => {
          const squat = sq
            ? {
                fppaDeg: {
                  ...(sq.left === undefined ? {} : { left: sq.left }),
                  ...(sq.right === undefined ? {} : { right: sq.right }),
                },
                confidence: sq.confidence,
              }
            : undefined;
          const fs = evaluateAll({ hip, ...(squat ? { squat } : {}) });
          expect(fs.flatMap(findingProblems)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
