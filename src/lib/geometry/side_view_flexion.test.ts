import { describe, expect, it } from 'vitest';
import { hipFlexionSide, kneeFlexionSide } from './side_view_flexion';
import { frontalSquatPose, sideSquatPose } from '../../testing/synthetic_squat';

const deg = (m: { ok: boolean; valueDeg?: number }) => (m.ok ? m.valueDeg! : NaN);

describe('hip and knee flexion from a side view', () => {
  it('are 0 standing and the segment angles in a squat, facing either way', () => {
    for (const facing of ['right', 'left'] as const) {
      const stand = sideSquatPose({ facing });
      expect(deg(kneeFlexionSide(stand, 'left'))).toBeCloseTo(0, 9);
      expect(deg(hipFlexionSide(stand, 'left'))).toBeCloseTo(0, 9);
      const squat = sideSquatPose({ facing, shankTiltDeg: 35, thighTiltDeg: 85, trunkLeanDeg: 40 });
      for (const side of ['left', 'right'] as const) {
        expect(deg(kneeFlexionSide(squat, side))).toBeCloseTo(120, 9);
        expect(deg(hipFlexionSide(squat, side))).toBeCloseTo(125, 9);
      }
    }
  });

  it('refuse a frontal view, which cannot show them', () => {
    const p = frontalSquatPose({ depth: 0.4 });
    expect(kneeFlexionSide(p, 'left')).toMatchObject({ ok: false, reason: /side view/ });
    expect(hipFlexionSide(p, 'right')).toMatchObject({ ok: false, reason: /side view/ });
  });

  it('refuse when the shoulder is not visible', () => {
    const p = sideSquatPose({ thighTiltDeg: 60, omit: ['right_shoulder'] });
    expect(hipFlexionSide(p, 'right')).toMatchObject({
      ok: false,
      reason: 'right shoulder not clearly visible',
    });
  });
});
