import { describe, expect, it } from 'vitest';
import { PLACEMENTS, synthPose } from '../../testing/synthetic_pose';
import { measureStill } from './measure_still';

describe('measureStill', () => {
  it('answers a seated case with the hip rotation', () => {
    const r = measureStill(synthPose('seated', 'left', 35, PLACEMENTS['seated-front']!), 'seated', 'left');
    expect(r).toMatchObject({ measurable: true, hipRotationDeg: 35, fppaDeg: null, reason: null });
    expect(r.confidence).toBeGreaterThan(0.5);
  });

  it('answers a squat with FPPA', () => {
    const r = measureStill(synthPose('stand', 'left', 0, PLACEMENTS['seated-front']!), 'squat', 'left');
    expect(r.measurable).toBe(true);
    expect(r.hipRotationDeg).toBeNull();
    expect(r.fppaDeg).toBeCloseTo(0, 1);
  });

  it('refuses with a reason when there is no pose', () => {
    expect(measureStill(null, 'prone', 'right')).toEqual({
      measurable: false,
      hipRotationDeg: null,
      fppaDeg: null,
      confidence: 0,
      reason: 'no person found in the picture',
      method: null,
    });
  });
});
