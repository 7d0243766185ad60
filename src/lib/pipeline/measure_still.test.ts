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

  it("refuses a reading past the guided test's physiological bound (70°), as a live trial would", () => {
    const within = measureStill(
      synthPose('seated', 'left', 65, PLACEMENTS['seated-front']!),
      'seated',
      'left',
    );
    expect(within).toMatchObject({ measurable: true, hipRotationDeg: 65 });
    const beyond = measureStill(
      synthPose('seated', 'left', 75, PLACEMENTS['seated-front']!),
      'seated',
      'left',
    );
    expect(beyond).toMatchObject({ measurable: false, hipRotationDeg: null });
    expect(beyond.reason).toMatch(/75° is beyond the physiological range \(70°\)/);
  });
});
