import { describe, expect, it } from 'vitest';
import { evaluateHip } from './hip_findings';
import { byId, compensation, findingProblems, hipResult, ids, trial } from '../../testing/feedback_fixtures';
import { asymmetryLimitDeg, MEASUREMENT_ERROR_DEG } from './thresholds';
import type { HipTestId } from '../protocols/types';

/** Run `fn` as if `test`'s accuracy had not been measured (the rules' path for a test without numbers). */
function withUnknownError<T>(test: HipTestId, fn: () => T): T {
  const table = MEASUREMENT_ERROR_DEG as Record<HipTestId, (typeof MEASUREMENT_ERROR_DEG)[HipTestId]>;
  const saved = table[test];
  table[test] = { ...saved, maeDeg: null, p95Deg: null };
  try {
    return fn();
  } finally {
    table[test] = saved;
  }
}

const both = (l: number, r: number) => hipResult('seated', { left: { internal: l }, right: { internal: r } });

describe('evaluateHip: internal rotation against 35° and the 30–45° band', () => {
  it('flags a value under 35° and lists the drills, passive first', () => {
    const f = byId(evaluateHip(both(34.9, 40)), 'hir-below-minimum-seated-left');
    expect(f?.level).toBe('flag');
    expect(f?.evidence).toEqual([
      {
        label: 'left internal rotation',
        value: 34.9,
        unit: '°',
        threshold: 35,
        comparator: '<',
        source: 'seed',
      },
    ]);
    expect(f?.text).toMatch(/34\.9°/);
    expect(f?.text).toMatch(/inside the broad healthy range/);
    expect(f?.text).toMatch(/not a diagnosis/);
    expect(f?.drills).toEqual(['modified-90-90', 'supine-passive-ir', 'seated-ir-lift', 'hip-cars']);
  });

  it('does not flag exactly 35°', () => {
    const fs = evaluateHip(both(35, 40));
    expect(ids(fs)).not.toContain('hir-below-minimum-seated-left');
    const ok = byId(fs, 'hir-in-range-seated-left');
    expect(ok?.level).toBe('ok');
    expect(ok?.drills).toEqual([]);
  });

  it('below 30° cites both the band and the minimum', () => {
    const f = byId(evaluateHip(both(22, 40)), 'hir-below-minimum-seated-left');
    expect(f?.evidence.map((e) => e.threshold)).toEqual([35, 30]);
    expect(f?.text).toMatch(/below the healthy range/);
  });

  it('45° is in range; above 45° is information, not a flag', () => {
    expect(byId(evaluateHip(both(45, 40)), 'hir-in-range-seated-left')?.level).toBe('ok');
    const hi = byId(evaluateHip(both(45.1, 40)), 'hir-above-range-seated-left');
    expect(hi?.level).toBe('info');
    expect(hi?.drills).toEqual([]);
  });

  it('takes its confidence from the direction result', () => {
    const r = hipResult('seated', {
      left: { internal: { value: 30, confidence: 0.42 } },
      right: { internal: 40 },
    });
    expect(byId(evaluateHip(r), 'hir-below-minimum-seated-left')?.confidence).toBe(0.42);
  });

  it('mentions compensations that were flagged (not voided) in kept trials', () => {
    const t = trial('left', 'internal', {
      valueDeg: 30,
      compensations: [compensation('pelvis-tilt', 'flag', 'Your pelvis lifted a little')],
    });
    const r = hipResult('seated', {
      left: { internal: { value: 30, trials: [t] } },
      right: { internal: 40 },
    });
    expect(byId(evaluateHip(r), 'hir-below-minimum-seated-left')?.text).toMatch(
      /Your pelvis lifted a little/,
    );
  });

  it("states goniocam's own error for the test", () => {
    expect(byId(evaluateHip(both(30, 40)), 'hir-below-minimum-seated-left')?.text).toMatch(/4\.1°.*11\.4°/);
    const prone = hipResult('prone', { left: { internal: 30 }, right: { internal: 40 } });
    expect(byId(evaluateHip(prone), 'hir-below-minimum-prone-left')?.text).toMatch(/5\.9°.*14\.2°/);
    const unknown = withUnknownError('prone', () => evaluateHip(prone));
    expect(byId(unknown, 'hir-below-minimum-prone-left')?.text).toMatch(/not been established/);
  });
});

describe('evaluateHip: external rotation and total arc', () => {
  it('shows ER and the arc only when ER is measured', () => {
    const without = evaluateHip(both(30, 40));
    expect(ids(without).some((id) => id.startsWith('er-') || id.startsWith('rotation-arc'))).toBe(false);
    const r = hipResult('seated', { left: { internal: 30, external: 45 }, right: { internal: 40 } });
    const fs = evaluateHip(r);
    expect(byId(fs, 'er-reading-seated-left')?.text).toMatch(/outward 45°/);
    const arc = byId(fs, 'rotation-arc-seated-left');
    expect(arc?.evidence[0]?.value).toBe(75);
    expect(arc?.text).toMatch(/75° \(30° inward \+ 45° outward\)/);
  });

  it('compares ER with the healthy mean and says low / typical / high', () => {
    const at = (er: number) =>
      byId(
        evaluateHip(hipResult('seated', { left: { internal: 38, external: er } })),
        'er-reading-seated-left',
      );
    expect(at(25)?.text).toMatch(/low side/);
    expect(at(40)?.text).toMatch(/about typical/);
    expect(at(55)?.text).toMatch(/high side/);
    expect(at(25)?.evidence.map((e) => e.source)).toEqual(['kouyoumdjian-2012', 'goniocam-engineering']);
  });

  it('a missing ER says why', () => {
    const r = hipResult('seated', {
      left: { internal: 30, external: { value: null, reason: 'no valid trial (knee moved)' } },
    });
    const f = byId(evaluateHip(r), 'er-missing-seated-left');
    expect(f?.text).toMatch(/no valid trial \(knee moved\)/);
    expect(ids(evaluateHip(r))).not.toContain('rotation-arc-seated-left');
  });
});

describe('evaluateHip: left/right asymmetry needs > 10° AND > measurement error', () => {
  const limit = asymmetryLimitDeg('seated') ?? NaN; // ≈ 16.1°
  it('a difference of exactly 10° is symmetric', () => {
    const f = byId(evaluateHip(both(30, 40)), 'hir-symmetric-seated');
    expect(f?.level).toBe('ok');
    expect(f?.evidence[0]).toMatchObject({
      value: 10,
      threshold: 10,
      comparator: '≤',
      source: 'ellison-1990',
    });
  });

  it('over 10° but within the measurement error is not flagged', () => {
    const fs = evaluateHip(both(28, 28 + 12));
    expect(ids(fs)).not.toContain('hir-asymmetry-seated');
    const f = byId(fs, 'hir-asymmetry-uncertain-seated');
    expect(f?.level).toBe('info');
    expect(f?.text).toMatch(/measurement error/);
    expect(f?.evidence.map((e) => e.source)).toEqual(['ellison-1990', 'goniocam-accuracy']);
  });

  it('a difference exactly at the error limit is still not flagged', () => {
    expect(ids(evaluateHip(both(0, limit)))).toContain('hir-asymmetry-uncertain-seated');
  });

  it('over both is flagged, names the lower side and suggests drills', () => {
    const f = byId(evaluateHip(both(36, 36 + 18)), 'hir-asymmetry-seated');
    expect(f?.level).toBe('flag');
    expect(f?.title).toMatch(/^Left hip turns inward less/);
    expect(f?.evidence.map((e) => [e.comparator, e.source])).toEqual([
      ['>', 'ellison-1990'],
      ['>', 'goniocam-accuracy'],
    ]);
    expect(f?.drills.length).toBeGreaterThan(0);
  });

  it('the limit follows each test’s error: 18° is flagged seated (limit 16.1°) but only uncertain supine (19.5°)', () => {
    const sea = hipResult('seated', { left: { internal: 36 }, right: { internal: 54 } });
    expect(ids(evaluateHip(sea))).toContain('hir-asymmetry-seated');
    const sup = hipResult('supine', { left: { internal: 36 }, right: { internal: 54 } });
    expect(ids(evaluateHip(sup))).toContain('hir-asymmetry-uncertain-supine');
    expect(ids(evaluateHip(sup))).not.toContain('hir-asymmetry-supine');
  });

  it('prone (one reading off by up to 14.2°) does not flag a 20° difference: it may be measurement error', () => {
    const r = hipResult('prone', { left: { internal: 20 }, right: { internal: 40 } });
    const f = byId(evaluateHip(r), 'hir-asymmetry-uncertain-prone');
    expect(ids(evaluateHip(r))).not.toContain('hir-asymmetry-prone');
    expect(f?.level).toBe('info');
    expect(f?.text).toMatch(/up to about 20\.1°.*may be measurement error/);
    expect(f?.evidence.map((e) => e.source)).toEqual(['ellison-1990', 'goniocam-accuracy']);
  });

  it('a test whose error is not established never flags a difference, and says so', () => {
    const r = hipResult('prone', { left: { internal: 10 }, right: { internal: 60 } });
    const fs = withUnknownError('prone', () => evaluateHip(r));
    expect(ids(fs)).not.toContain('hir-asymmetry-prone');
    const f = byId(fs, 'hir-asymmetry-uncertain-prone');
    expect(f?.text).toMatch(/not established/);
    expect(f?.evidence.map((e) => e.source)).toEqual(['ellison-1990']);
  });

  it('compares external rotation too', () => {
    const r = hipResult('seated', {
      left: { internal: 40, external: 25 },
      right: { internal: 40, external: 45 },
    });
    const f = byId(evaluateHip(r), 'er-asymmetry-seated');
    expect(f?.level).toBe('flag');
    expect(f?.title).toMatch(/outward/);
    expect(f?.drills).toEqual([]);
    expect(ids(evaluateHip(r))).toContain('hir-symmetric-seated');
  });
});

describe('evaluateHip: partial results', () => {
  it('one side only: the other side is reported as not tested and nothing is compared', () => {
    const fs = evaluateHip(hipResult('seated', { right: { internal: 30 } }));
    expect(ids(fs)).toEqual(['side-not-tested-seated-left', 'hir-below-minimum-seated-right']);
    expect(byId(fs, 'side-not-tested-seated-left')?.text).toMatch(/cannot judge it or compare/);
  });

  it('ER only: IR says it was not tested', () => {
    const fs = evaluateHip(
      hipResult('seated', { left: { external: 40 }, right: { internal: 38, external: 40 } }),
    );
    expect(byId(fs, 'hir-missing-seated-left')?.text).toMatch(/not tested/);
    expect(ids(fs)).toContain('er-symmetric-seated');
    expect(ids(fs)).not.toContain('hir-symmetric-seated');
  });

  it("all trials invalid: the result's reason is used", () => {
    const r = hipResult('seated', {
      left: { internal: { value: null, reason: 'no valid trial (knee moved)', confidence: 0 } },
      right: { internal: 40 },
    });
    const f = byId(evaluateHip(r), 'hir-missing-seated-left');
    expect(f?.text).toMatch(/no valid trial \(knee moved\)/);
    expect(f?.level).toBe('info');
    expect(f?.confidence).toBe(0);
  });

  it('all trials invalid and no reason: the voided trials explain it', () => {
    const voided = [1, 2, 3].map((attempt) =>
      trial('left', 'internal', {
        attempt,
        valid: false,
        valueDeg: null,
        compensations: [compensation('knee-moved', 'invalid', 'Your knee moved')],
      }),
    );
    const r = hipResult('seated', {
      left: { internal: { value: null, reason: null, trials: voided } },
      right: { internal: 40 },
    });
    expect(byId(evaluateHip(r), 'hir-missing-seated-left')?.text).toMatch(
      /all 3 attempts were set aside \(Your knee moved\)/,
    );
  });

  it('no sides at all: both reported as not tested', () => {
    expect(ids(evaluateHip(hipResult('supine', {})))).toEqual([
      'side-not-tested-supine-left',
      'side-not-tested-supine-right',
    ]);
  });

  it('a NaN value is treated as missing, never printed', () => {
    const r = hipResult('seated', { left: { internal: { value: NaN } }, right: { internal: 40 } });
    const fs = evaluateHip(r);
    expect(byId(fs, 'hir-missing-seated-left')?.text).toMatch(/not a valid number/);
    expect(fs.flatMap(findingProblems)).toEqual([]);
  });
});

describe('evaluateHip: every finding keeps the invariants', () => {
  it('for a grid of values, including missing ones', () => {
    const values = [null, 0, 20, 29.99, 30, 34.99, 35, 45, 45.01, 70];
    for (const test of ['seated', 'supine', 'prone'] as const) {
      for (const l of values) {
        for (const r of values) {
          const res = hipResult(test, {
            left: { internal: l, external: r },
            right: { internal: r, external: l },
          });
          expect(evaluateHip(res).flatMap(findingProblems)).toEqual([]);
        }
      }
    }
  });
});
