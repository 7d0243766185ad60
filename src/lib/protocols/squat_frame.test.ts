import { describe, expect, it } from 'vitest';
import { DEG_TO_RAD } from '../geometry/angles';
import { standingBaseline, type StandingBaseline } from '../geometry/standing_baseline';
import { frontalSquatPose, sideSquatPose } from '../../testing/synthetic_squat';
import { measureSquatFrame } from './squat_frame';
import type { SquatFrame } from './squat_types';

const base = standingBaseline(frontalSquatPose()) as StandingBaseline;

describe('measureSquatFrame', () => {
  it('measures depth, both legs, trunk lean and the common knee shift in a frontal double-leg squat', () => {
    const f = measureSquatFrame(
      frontalSquatPose({ depth: 0.3, fppaDeg: { left: 12, right: 4 }, trunkLeanDeg: -5 }),
      base,
      'double',
      500,
    ) as SquatFrame;
    expect(f.tMs).toBe(500);
    expect(f.depth).toBeCloseTo(0.3, 9);
    expect(f.legs.left!.fppaDeg).toMatchObject({ ok: true, value: expect.closeTo(12, 9) });
    expect(f.legs.right!.fppaDeg).toMatchObject({ ok: true, value: expect.closeTo(4, 9) });
    expect(f.trunkLeanDeg).toMatchObject({ ok: true, value: expect.closeTo(-5, 9) });
    // Unequal valgus leaks half its difference into the common shift: (m_right − m_left) / 2, small.
    const m = (deg: number) => (Math.tan((deg / 2) * DEG_TO_RAD) * 0.7) / 2;
    expect(f.kneeCommonShift).toMatchObject({ ok: true, value: expect.closeTo((m(4) - m(12)) / 2, 9) });
  });

  it('refuses knee values and trunk lean of a turned body, with the size of the shift in the reason', () => {
    const f = measureSquatFrame(
      frontalSquatPose({ depth: 0.3, kneeShift: 0.2 }),
      base,
      'double',
      0,
    ) as SquatFrame;
    expect(f.legs.left!.fppaDeg).toMatchObject({ ok: false, reason: /20% of a leg.*turned to the camera/ });
    expect(f.legs.right!.medialKneeDisplacement.ok).toBe(false);
    // A forward-bending trunk looks like a sideways lean in a turned view: refused too.
    expect(f.trunkLeanDeg).toMatchObject({ ok: false, reason: /turned to the camera/ });
  });

  it('measures only the standing leg of a single-leg squat and skips the two-knee check', () => {
    const f = measureSquatFrame(
      // A knee shift of 0.1 reads ≈ 25°; 0.2 would read 48°, which the geometry now refuses as no knee's FPPA.
      frontalSquatPose({ depth: 0.1, kneeShift: 0.1 }),
      base,
      'single-left',
      0,
    ) as SquatFrame;
    expect(Object.keys(f.legs)).toEqual(['left']);
    expect(f.legs.left!.fppaDeg.ok).toBe(true);
    expect(f.kneeCommonShift).toMatchObject({ ok: false, reason: /single-leg/ });
  });

  it('refuses knee values outside a frontal view and is a gap without hips', () => {
    const side = measureSquatFrame(sideSquatPose({ thighTiltDeg: 60, shankTiltDeg: 30 }), base, 'double', 0);
    expect((side as SquatFrame).legs.left!.fppaDeg).toMatchObject({ ok: false, reason: /frontal view/ });
    expect(measureSquatFrame(frontalSquatPose({ omit: ['left_hip'] }), base, 'double', 0)).toMatchObject({
      reason: /hips/,
    });
  });
});
