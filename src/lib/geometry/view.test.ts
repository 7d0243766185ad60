import { describe, expect, it } from 'vitest';
import type { Pose } from '../types';
import { synthPose } from '../../testing/synthetic_pose';
import { frontalSquatPose } from '../../testing/synthetic_squat';
import { classifyView, FRONTAL_MIN_HIP_RATIO, SIDE_MAX_HIP_RATIO } from './view';

/** A standing stick body (synthetic_pose.ts) seen from a camera turned `yawDeg` around the person. */
const standing = (yawDeg: number): Pose =>
  synthPose('stand', 'left', 0, {
    position: { x: 0, y: -0.4, z: 3 },
    target: { x: 0, y: -0.4, z: 0 },
    up: { x: 0, y: 1, z: 0 },
    yawDeg,
    focalPx: 900,
    width: 720,
    height: 1280,
  });

describe('classifyView', () => {
  it('calls a square-on body frontal from the front, the back and under camera roll', () => {
    for (const p of [frontalSquatPose(), frontalSquatPose({ view: 'back', rollDeg: 30 }), standing(0)])
      expect(classifyView(p).view).toBe('frontal');
    expect(classifyView(standing(180)).view).toBe('frontal');
  });

  it('follows the body turning: frontal to ≈ 45°, unclear between, side from ≈ 70°', () => {
    expect(classifyView(standing(30)).view).toBe('frontal');
    expect(classifyView(standing(60)).view).toBe('unclear');
    expect(classifyView(standing(80)).view).toBe('side');
    expect(classifyView(standing(90)).view).toBe('side');
    const r = classifyView(standing(90)).hipWidthRatio!;
    expect(r).toBeLessThan(SIDE_MAX_HIP_RATIO);
    expect(classifyView(standing(0)).hipWidthRatio!).toBeGreaterThan(FRONTAL_MIN_HIP_RATIO);
  });

  it('is unclear, with a reason, when hips or legs are missing', () => {
    expect(classifyView(frontalSquatPose({ omit: ['left_hip'] }))).toMatchObject({
      view: 'unclear',
      hipWidthRatio: null,
      reason: /both hips/,
    });
    expect(classifyView(frontalSquatPose({ omit: ['left_ankle', 'right_knee'] }))).toMatchObject({
      view: 'unclear',
      reason: /leg/,
    });
  });

  it('still calls a deep frontal squat frontal (shorter legs in the picture only raise the ratio)', () => {
    expect(classifyView(frontalSquatPose({ depth: 0.45, fppaDeg: { left: 10, right: 10 } })).view).toBe(
      'frontal',
    );
  });
});
