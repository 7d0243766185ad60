import { describe, expect, it } from 'vitest';
import type { Pose } from '../types';
import { oppositeSide, unmirrorPose } from './mirror';

const pose: Pose = {
  tMs: 5,
  width: 640,
  height: 480,
  score: 0.9,
  model: 'blazepose-lite',
  joints: {
    nose: { x: 320, y: 50, score: 1 },
    left_knee: { x: 100, y: 300, score: 0.8 },
    right_knee: { x: 500, y: 310, score: 0.7 },
  },
  world: { left_knee: { x: 0.1, y: 0.4, z: 0.02, score: 0.8 } },
};

describe('mirroring', () => {
  it('swaps sides by name only', () => {
    expect(oppositeSide('left_knee')).toBe('right_knee');
    expect(oppositeSide('right_foot_index')).toBe('left_foot_index');
    expect(oppositeSide('nose')).toBe('nose');
  });

  it('flips x back and swaps labels, so the person\'s left knee is "left" again', () => {
    const u = unmirrorPose(pose);
    expect(u.joints.right_knee).toEqual({ x: 540, y: 300, score: 0.8 });
    expect(u.joints.left_knee).toEqual({ x: 140, y: 310, score: 0.7 });
    expect(u.joints.nose).toEqual({ x: 320, y: 50, score: 1 });
    expect(u.world!.right_knee).toEqual({ x: -0.1, y: 0.4, z: 0.02, score: 0.8 });
  });

  it('is its own inverse and leaves the input untouched', () => {
    const copy = structuredClone(pose);
    expect(unmirrorPose(unmirrorPose(pose))).toEqual(pose);
    expect(pose).toEqual(copy);
  });
});
