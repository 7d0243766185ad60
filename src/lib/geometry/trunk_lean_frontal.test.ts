import { describe, expect, it } from 'vitest';
import type { Pose } from '../types';
import { frontalSquatPose } from '../../testing/synthetic_squat';
import { trunkLeanFrontal } from './trunk_lean_frontal';

const deg = (m: ReturnType<typeof trunkLeanFrontal>) => (m.ok ? m.valueDeg : NaN);

describe('trunkLeanFrontal', () => {
  it('is 0 upright and signed + toward the person left, front or back, any camera roll', () => {
    expect(deg(trunkLeanFrontal(frontalSquatPose()))).toBeCloseTo(0, 12);
    for (const view of ['front', 'back'] as const)
      for (const rollDeg of [0, 20, -35]) {
        expect(deg(trunkLeanFrontal(frontalSquatPose({ view, rollDeg, trunkLeanDeg: 12 })))).toBeCloseTo(
          12,
          9,
        );
        expect(deg(trunkLeanFrontal(frontalSquatPose({ view, rollDeg, trunkLeanDeg: -7 })))).toBeCloseTo(
          -7,
          9,
        );
      }
  });

  it('does not change with squat depth', () => {
    expect(deg(trunkLeanFrontal(frontalSquatPose({ depth: 0.4, trunkLeanDeg: 9 })))).toBeCloseTo(9, 9);
  });

  it('refuses a side view and missing shoulders', () => {
    const p = frontalSquatPose();
    const side: Pose = {
      ...p,
      joints: { ...p.joints, left_hip: { ...p.joints.right_hip!, x: p.joints.right_hip!.x + 5 } },
    };
    expect(trunkLeanFrontal(side)).toMatchObject({ ok: false, reason: /frontal view/ });
    expect(trunkLeanFrontal(frontalSquatPose({ omit: ['left_shoulder'] }))).toMatchObject({
      ok: false,
      reason: /shoulders/,
    });
  });
});
