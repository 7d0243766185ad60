import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLACEMENTS, synthPose } from '../../testing/synthetic_pose';
import { POSTURE } from '../protocols/limits';
import type { Pose, Side } from '../types';
import { otherKneeOut } from './other_knee_out';

const cam = PLACEMENTS['seated-front']!;
const other = (s: Side): Side => (s === 'right' ? 'left' : 'right');

/** The stick body with its untested knee moved `hipWidths` further out along the hip line. */
function kneeOut(pose: Pose, side: Side, hipWidths: number): Pose {
  const h = pose.joints[`${side}_hip`]!;
  const oh = pose.joints[`${other(side)}_hip`]!;
  const dx = (oh.x - h.x) * hipWidths;
  const dy = (oh.y - h.y) * hipWidths;
  const k = pose.joints[`${other(side)}_knee`]!;
  return { ...pose, joints: { ...pose.joints, [`${other(side)}_knee`]: { ...k, x: k.x + dx, y: k.y + dy } } };
}

describe('otherKneeOut', () => {
  it('is about 0 with both thighs pointing at the camera, and grows as the other knee goes out, for either leg', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Side>('left', 'right'),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (side, w) => {
          const pose = synthPose('seated', side, 0, cam, { otherLegHanging: true });
          const base = otherKneeOut(pose, side)!;
          expect(Math.abs(base)).toBeLessThan(0.2);
          expect(otherKneeOut(kneeOut(pose, side, w), side)).toBeCloseTo(base + w, 6);
        },
      ),
    );
  });

  it('the other hip abducted 50° (as the app asks) puts its knee well past the limit, for either leg', () => {
    for (const side of ['left', 'right'] as const)
      expect(otherKneeOut(synthPose('seated', side, 0, cam), side)!).toBeGreaterThan(
        1.5 * POSTURE.otherKneeOutHipWidths.value,
      );
  });

  it('a knee moved toward the tested leg reads negative', () => {
    const pose = synthPose('seated', 'right', 0, cam, { otherLegHanging: true });
    expect(otherKneeOut(kneeOut(pose, 'right', -0.6), 'right')!).toBeLessThan(-0.4);
  });

  it('is null when the other knee or a hip is missing or scored low, or the hips coincide', () => {
    const pose = synthPose('seated', 'left', 0, cam);
    const { right_knee: _gone, ...rest } = pose.joints;
    expect(otherKneeOut({ ...pose, joints: rest }, 'left')).toBeNull();
    expect(
      otherKneeOut(
        { ...pose, joints: { ...pose.joints, right_knee: { ...pose.joints.right_knee!, score: 0.1 } } },
        'left',
      ),
    ).toBeNull();
    expect(
      otherKneeOut({ ...pose, joints: { ...pose.joints, right_hip: { ...pose.joints.left_hip! } } }, 'left'),
    ).toBeNull();
  });
});
