import { describe, expect, it } from 'vitest';
import { PLACEMENT } from '../../testing/scripted_person';
import { PLACEMENTS, synthPose } from '../../testing/synthetic_pose';
import { readHipFrame } from './hip_frame';
import { PLAUSIBLE } from './limits';
import type { HipTestId } from './types';

describe.each<HipTestId>(['seated', 'supine', 'prone'])('readHipFrame (%s)', (test) => {
  const pose = (deg: number) => synthPose(test, 'right', deg, PLACEMENTS[PLACEMENT[test]]!);

  it('reads a rotation inside the physiological range, with the joints the compensations need', () => {
    const r = readHipFrame(pose(60), test, 'right');
    if (!r.ok) throw new Error(r.reason);
    expect(r.frame.deg).toBeGreaterThan(55);
    expect(r.frame.ankle).toBeDefined();
    expect(r.frame.hipMid).toBeDefined();
  });

  it.each([75, -75])('refuses %d° (past the physiological range) with a reason, never a value', (deg) => {
    const r = readHipFrame(pose(deg), test, 'right');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.reason).toMatch(
        new RegExp(`beyond the physiological range \\(${PLAUSIBLE.maxRotationDeg.value}°\\)`),
      );
  });
});
