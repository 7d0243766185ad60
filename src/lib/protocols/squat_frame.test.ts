import { describe, expect, it } from 'vitest';
import { DEG_TO_RAD } from '../geometry/angles';
import { standingBaseline, type StandingBaseline } from '../geometry/standing_baseline';
import { frontalSquatPose, sideSquatPose } from '../../testing/synthetic_squat';
import { measureSquatFrame } from './squat_frame';
import { KNEE_IN_BIAS_PER_DEPTH } from './squat_limits';
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

  it('corrects a body turned within the limit: FPPA without the knees’ common shift, trunk lean refused', () => {
    const f = measureSquatFrame(
      frontalSquatPose({ depth: 0.3, fppaDeg: { left: 12, right: 4 }, kneeShift: 0.1 }),
      base,
      'double',
      0,
    ) as SquatFrame;
    // The common shift (the turn, and half the left/right difference) is taken out: both legs read ≈ the mean.
    expect(f.legs.left!.fppaDeg).toMatchObject({ ok: true, value: expect.closeTo(8, 0) });
    expect(f.legs.right!.fppaDeg).toMatchObject({ ok: true, value: expect.closeTo(8, 0) });
    expect(f.trunkLeanDeg).toMatchObject({ ok: false, reason: /turned to the camera.*forward lean/ });
    // Knee-in: both knees' mean is free of the turn; each knee's own is refused.
    expect(f.kneeIn.ok).toBe(true);
    expect(f.legs.left!.kneeIn).toMatchObject({ ok: false, reason: /both knees together/ });
  });

  it('gives knee-in for both knees, with the pose model’s depth bias added back, and not one knee alone', () => {
    const f = measureSquatFrame(
      frontalSquatPose({ depth: 0.3, fppaDeg: { left: 12, right: 4 } }),
      base,
      'double',
      0,
    ) as SquatFrame;
    // The synthetic poses are labelled BlazePose full, which has a fitted depth bias.
    const bias = KNEE_IN_BIAS_PER_DEPTH['blazepose-full']! * 0.3;
    const k = (deg: number) => (Math.tan((deg / 2) * DEG_TO_RAD) * 0.35 * 400) / 400 + bias;
    expect(f.kneeIn).toMatchObject({ ok: true, value: expect.closeTo((k(12) + k(4)) / 2, 9) });
    expect(f.legs.left!.kneeIn).toMatchObject({ ok: false, reason: /one knee alone/ });
    const single = measureSquatFrame(
      frontalSquatPose({ depth: 0.3, fppaDeg: { left: 12 } }),
      base,
      'single-left',
      0,
    ) as SquatFrame;
    expect(single.legs.left!.kneeIn).toMatchObject({ ok: true, value: expect.closeTo(k(12), 9) });
  });

  it('refuses knee values and trunk lean of a body turned beyond the limit, with the size of the shift', () => {
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
