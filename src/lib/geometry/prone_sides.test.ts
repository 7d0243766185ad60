import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapPose } from '../pose/map_pose';
import { oppositeSide } from '../pose/mirror';
import { PLACEMENTS, synthPose } from '../../testing/synthetic_pose';
import type { Pose, Side } from '../types';
import { measureHipRotation } from './hip_rotation';
import { proneHeadEndSides } from './prone_sides';

const cam = PLACEMENTS['prone-head-end']!;
/** The same picture with every side named the other way round, as a model that took the back for a front. */
const swapped = (p: Pose): Pose =>
  mapPose(
    p,
    (n, j) => [oppositeSide(n), j],
    (n, j) => [oppositeSide(n), j],
  );

describe('prone from the head end: the sides the view fixes', () => {
  it.each(['left', 'right'] as Side[])('keeps a correctly named pose as it is (%s leg tested)', (side) => {
    for (const deg of [-20, 0, 30, 55]) {
      const pose = synthPose('prone', side, deg, cam);
      expect(proneHeadEndSides(pose)).toBe(pose);
    }
  });

  it.each(['left', 'right'] as Side[])(
    'names the sides back when a model swapped them, so the tested leg is read, not the straight one (%s)',
    (side) => {
      for (const deg of [-20, 0, 30, 55]) {
        const pose = synthPose('prone', side, deg, cam);
        expect(proneHeadEndSides(swapped(pose)).joints).toEqual(pose.joints);
        const m = measureHipRotation(swapped(pose), 'prone', side);
        const truth = measureHipRotation(pose, 'prone', side);
        expect(m.ok && truth.ok && m.valueDeg).toBe(truth.ok && truth.valueDeg);
        expect(m.ok && m.valueDeg).toBeCloseTo(deg, -0.5); // ±1.6°: the synthetic camera's perspective
      }
    },
  );

  it('gives no verdict without both shoulders (a trunk out of the picture)', () => {
    const pose = swapped(synthPose('prone', 'right', 30, cam));
    const { left_shoulder: _l, ...rest } = pose.joints;
    const noShoulder = { ...pose, joints: rest };
    expect(proneHeadEndSides(noShoulder)).toBe(noShoulder);
    const faint = {
      ...pose,
      joints: { ...pose.joints, right_shoulder: { ...pose.joints.right_shoulder!, score: 0.1 } },
    };
    expect(proneHeadEndSides(faint)).toBe(faint);
  });

  it('whatever the naming and the camera roll, the answer is the same pose (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Side>('left', 'right'),
        fc.integer({ min: -25, max: 60 }),
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: -10, max: 10 }),
        fc.boolean(),
        (side, deg, roll, yaw, swap) => {
          const pose = synthPose('prone', side, deg, { ...cam, rollDeg: roll, yawDeg: yaw });
          expect(proneHeadEndSides(swap ? swapped(pose) : pose).joints).toEqual(pose.joints);
        },
      ),
    );
  });
});
