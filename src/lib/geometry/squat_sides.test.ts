import { describe, expect, it } from 'vitest';
import { frontalSquatPose } from '../../testing/synthetic_squat';
import type { JointName, Pose } from '../types';
import { squatStanceSides } from './squat_sides';
import { standingBaseline, type StandingBaseline } from './standing_baseline';

const base = standingBaseline(frontalSquatPose()) as StandingBaseline;
const swapped = (p: Pose): Pose => ({
  ...p,
  joints: Object.fromEntries(
    Object.entries(p.joints).map(([n, j]) => [
      n.startsWith('left_') ? n.replace('left_', 'right_') : n.replace('right_', 'left_'),
      j,
    ]),
  ) as Pose['joints'],
});

describe('squatStanceSides', () => {
  it('keeps a pose whose ankles are where they stood', () => {
    const p = frontalSquatPose({ depth: 0.6, fppaDeg: { left: 15, right: 2 } });
    expect(squatStanceSides(p, base)).toBe(p);
  });

  it('swaps every side back when the model named the legs the other way round', () => {
    const p = frontalSquatPose({ depth: 0.6, fppaDeg: { left: 15, right: 2 } });
    const back = squatStanceSides(swapped(p), base);
    for (const n of ['left_knee', 'right_knee', 'left_hip', 'right_ankle'] as JointName[])
      expect(back.joints[n]).toEqual(p.joints[n]);
  });

  it('gives no verdict without both ankles or the standing ankles', () => {
    const p = swapped(frontalSquatPose({ depth: 0.6, omit: ['left_ankle'] }));
    expect(squatStanceSides(p, base)).toBe(p);
    const { ankles: _, ...noAnkles } = base;
    const q = swapped(frontalSquatPose({ depth: 0.6 }));
    expect(squatStanceSides(q, noAnkles)).toBe(q);
  });
});
