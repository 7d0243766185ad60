import { describe, expect, it } from 'vitest';
import { frontalSquatPose, sideSquatPose } from '../../testing/synthetic_squat';
import { trunkLeanSide } from './trunk_lean_side';

const deg = (m: ReturnType<typeof trunkLeanSide>) => (m.ok ? m.valueDeg : NaN);

describe('trunkLeanSide', () => {
  it('is the trunk angle from vertical, + forward, whichever way the person faces', () => {
    for (const facing of ['right', 'left'] as const) {
      expect(deg(trunkLeanSide(sideSquatPose({ facing })))).toBeCloseTo(0, 9);
      const p = sideSquatPose({ facing, shankTiltDeg: 30, thighTiltDeg: 80, trunkLeanDeg: 40 });
      expect(deg(trunkLeanSide(p))).toBeCloseTo(40, 9);
      expect(deg(trunkLeanSide(sideSquatPose({ facing, trunkLeanDeg: -10 })))).toBeCloseTo(-10, 9);
    }
  });

  it('refuses a frontal view and an unknown facing direction', () => {
    expect(trunkLeanSide(frontalSquatPose({ depth: 0.3 }))).toMatchObject({ ok: false, reason: /side view/ });
    const blind = sideSquatPose({
      trunkLeanDeg: 20,
      omit: ['left_heel', 'right_heel', 'left_foot_index', 'right_foot_index', 'nose'],
    });
    expect(trunkLeanSide(blind)).toMatchObject({ ok: false, reason: /which way/ });
  });
});
