import { describe, expect, it } from 'vitest';
import { kneeCommonShift, withoutCommonShift } from './knee_common_shift';
import { measureFppa } from './fppa';
import { frontalSquatPose, SYNTH_LEG_PX } from '../../testing/synthetic_squat';

const value = (m: ReturnType<typeof kneeCommonShift>) => (m.ok ? m.value : NaN);

describe('kneeCommonShift', () => {
  it('cancels symmetric valgus and varus', () => {
    for (const fppa of [0, 15, -10]) {
      const p = frontalSquatPose({ depth: 0.3, fppaDeg: { left: fppa, right: fppa } });
      expect(value(kneeCommonShift(p, SYNTH_LEG_PX))).toBeCloseTo(0, 12);
    }
  });

  it('reads both knees sliding the same way, + toward the person left, seen from front or back', () => {
    for (const view of ['front', 'back'] as const) {
      const p = frontalSquatPose({ view, depth: 0.3, fppaDeg: { left: 10, right: 10 }, kneeShift: 0.12 });
      expect(value(kneeCommonShift(p, SYNTH_LEG_PX))).toBeCloseTo(0.12, 9);
      const q = frontalSquatPose({ view, depth: 0.3, kneeShift: -0.05 });
      expect(value(kneeCommonShift(q, SYNTH_LEG_PX))).toBeCloseTo(-0.05, 9);
    }
  });

  it('refuses when either leg cannot be measured', () => {
    const p = frontalSquatPose({ omit: ['right_ankle'] });
    expect(kneeCommonShift(p)).toEqual({ ok: false, reason: 'right ankle not found' });
  });
});

describe('withoutCommonShift', () => {
  it('moves both knees back by the common shift, so a turned body reads as square on', () => {
    const turned = frontalSquatPose({ depth: 0.3, fppaDeg: { left: 10, right: 10 }, kneeShift: 0.1 });
    const shift = kneeCommonShift(turned, SYNTH_LEG_PX);
    expect(shift).toMatchObject({ ok: true, value: expect.closeTo(0.1, 2) });
    const square = withoutCommonShift(turned, shift.ok ? shift.value : 0, SYNTH_LEG_PX);
    expect(kneeCommonShift(square, SYNTH_LEG_PX)).toMatchObject({ ok: true, value: expect.closeTo(0, 6) });
    expect(measureFppa(square, 'left')).toMatchObject({ ok: true, valueDeg: expect.closeTo(10, 6) });
    expect(square.joints.left_hip).toEqual(turned.joints.left_hip);
  });
});
