import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLACEMENTS, synthPose } from '../../testing/synthetic_pose';
import type { Pose, Side } from '../types';
import { otherSide } from './joints';
import { pinnedProneRotationDeg, type ProneNeutral } from './pinned_prone';
import { proneRotation2D } from './prone_rotation';
import { add, scale, sub } from './vec2';

const cam = PLACEMENTS['prone-head-end']!;

function neutralOf(pose: Pose, side: Side): ProneNeutral {
  const j = pose.joints;
  return {
    hip: j[`${side}_hip`]!,
    otherHip: j[`${otherSide(side)}_hip`]!,
    knee: j[`${side}_knee`]!,
    ankle: j[`${side}_ankle`]!,
  };
}

const plain = (pose: Pose, side: Side): number => {
  const m = proneRotation2D(pose, side);
  if (!m.ok) throw new Error(m.reason);
  return m.valueDeg;
};

describe('pinnedProneRotationDeg', () => {
  it('reads what a frame reads on true joints, where nothing but the foot moves (both sides, ±40°)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Side>('left', 'right'),
        fc.double({ min: -40, max: 40, noNaN: true }),
        (side, deg) => {
          const neutral = neutralOf(synthPose('prone', side, 0, cam), side);
          const pose = synthPose('prone', side, deg, cam);
          const ankle = pose.joints[`${side}_ankle`]!;
          expect(Math.abs(pinnedProneRotationDeg(ankle, neutral)! - plain(pose, side))).toBeLessThan(0.5);
        },
      ),
    );
  });

  it("is not moved by the model's knee, thigh and hip line drifting with the turn, which move the frame's reading", () => {
    const side: Side = 'right';
    const neutral = neutralOf(synthPose('prone', side, 0, cam), side);
    const pose = synthPose('prone', side, 35, cam);
    const j = pose.joints;
    const knee = j.right_knee!;
    const ankle = j.right_ankle!;
    // The knee keypoint dragged a fifth of the way toward the foot, and the tested hip a little toward the other.
    const dragged = add(knee, scale(sub(ankle, knee), 0.2));
    const hip = add(j.right_hip!, scale(sub(j.left_hip!, j.right_hip!), 0.15));
    const drifted: Pose = {
      ...pose,
      joints: { ...j, right_knee: { ...knee, ...dragged }, right_hip: { ...j.right_hip!, ...hip } },
    };
    const truth = plain(pose, side);
    expect(Math.abs(plain(drifted, side) - truth)).toBeGreaterThan(3);
    expect(Math.abs(pinnedProneRotationDeg(ankle, neutral)! - truth)).toBeLessThan(0.5);
  });

  it('is null where the neutral cannot be read: hips at one point', () => {
    const n = neutralOf(synthPose('prone', 'left', 0, cam), 'left');
    expect(pinnedProneRotationDeg(n.ankle, { ...n, otherHip: n.hip })).toBeNull();
  });
});
