import { describe, expect, it } from 'vitest';
import { hipDrop } from './hip_drop';
import { standingBaseline, type StandingBaseline } from './standing_baseline';
import { frontalSquatPose } from '../../testing/synthetic_squat';

const value = (m: ReturnType<typeof hipDrop>) => (m.ok ? m.value : NaN);

describe('hipDrop', () => {
  it('is the hip drop as a fraction of the standing leg length, also under camera roll', () => {
    for (const rollDeg of [0, 30]) {
      const base = standingBaseline(frontalSquatPose({ rollDeg })) as StandingBaseline;
      expect(value(hipDrop(frontalSquatPose({ rollDeg }), base))).toBeCloseTo(0, 9);
      for (const depth of [0.1, 0.3, 0.5])
        expect(value(hipDrop(frontalSquatPose({ rollDeg, depth, fppaDeg: { left: 15 } }), base))).toBeCloseTo(
          depth,
          9,
        );
    }
  });

  it('ignores sideways sway and trunk lean', () => {
    const base = standingBaseline(frontalSquatPose()) as StandingBaseline;
    const p = frontalSquatPose({ depth: 0.2, trunkLeanDeg: 15 });
    const swayed = {
      ...p,
      joints: Object.fromEntries(Object.entries(p.joints).map(([k, j]) => [k, { ...j, x: j.x + 30 }])),
    };
    expect(value(hipDrop(swayed, base))).toBeCloseTo(0.2, 9);
  });

  it('refuses without both hips or without a usable reference', () => {
    const base = standingBaseline(frontalSquatPose()) as StandingBaseline;
    expect(hipDrop(frontalSquatPose({ omit: ['right_hip'] }), base)).toMatchObject({ ok: false });
    expect(hipDrop(frontalSquatPose(), { ...base, legLengthPx: 0 })).toMatchObject({
      ok: false,
      reason: /leg length/,
    });
  });
});
