import { describe, expect, it } from 'vitest';
import { byId, findingProblems, ids } from '../../testing/feedback_fixtures';
import { evaluateSquat } from './squat_findings';
import { fppaAsymmetryLimitDeg } from './thresholds';

describe('evaluateSquat', () => {
  it('flags a knee above the healthy mean + 1 SD (13.5°), not at it', () => {
    const fs = evaluateSquat({ fppaDeg: { left: 13.5, right: 13.6 }, confidence: 0.7 });
    expect(byId(fs, 'squat-fppa-ok-left')?.level).toBe('ok');
    const f = byId(fs, 'squat-valgus-right');
    expect(f?.level).toBe('flag');
    expect(f?.evidence).toEqual([
      {
        label: 'right knee FPPA',
        value: 13.6,
        unit: '°',
        threshold: 13.5,
        comparator: '>',
        source: 'herrington-2014',
      },
    ]);
    expect(f?.confidence).toBe(0.7);
  });

  it('mentions the patellofemoral-pain average only when reached', () => {
    const fs = evaluateSquat({ fppaDeg: { left: 16.8, right: 15 }, confidence: 1 });
    expect(byId(fs, 'squat-valgus-left')?.text).toMatch(/16\.8°.*front of the knee/);
    expect(byId(fs, 'squat-valgus-right')?.text).not.toMatch(/front of the knee/);
  });

  it('a left/right difference must exceed the smallest detectable difference and goniocam’s own error', () => {
    // The limit is the larger of Munro's 8.93° and √2 × the squat's P95 error (report bodies: ≈ 30.4°).
    const limit = fppaAsymmetryLimitDeg();
    expect(limit).toBeGreaterThanOrEqual(8.93);
    // A difference of exactly the limit (right 0°, so no float rounding in left − right) is not flagged.
    expect(ids(evaluateSquat({ fppaDeg: { left: limit, right: 0 }, confidence: 1 }))).not.toContain(
      'squat-fppa-asymmetry',
    );
    const f = byId(
      evaluateSquat({ fppaDeg: { left: 0.1 + limit, right: 0 }, confidence: 1 }),
      'squat-fppa-asymmetry',
    );
    expect(f?.title).toMatch(/^Left knee/);
    expect(f?.evidence.map((e) => e.source)).toEqual(['munro-2012', 'goniocam-accuracy']);
  });

  it('a missing side says why and is not compared', () => {
    const fs = evaluateSquat({
      fppaDeg: { right: 20 },
      confidence: 0.5,
      reason: { left: 'the left ankle was out of view' },
    });
    expect(byId(fs, 'squat-fppa-missing-left')?.text).toMatch(/left ankle was out of view/);
    expect(ids(fs)).not.toContain('squat-fppa-asymmetry');
    const nan = evaluateSquat({ fppaDeg: { left: NaN, right: 5 }, confidence: NaN });
    expect(ids(nan)).toContain('squat-fppa-missing-left');
    expect(nan.flatMap(findingProblems)).toEqual([]);
  });

  it('keeps the invariants for a range of values', () => {
    for (const l of [-10, 0, 8, 13.5, 14, 30]) {
      for (const r of [-10, 0, 8, 13.5, 14, 30]) {
        expect(
          evaluateSquat({ fppaDeg: { left: l, right: r }, confidence: 0.9 }).flatMap(findingProblems),
        ).toEqual([]);
      }
    }
  });
});
