import { describe, expect, it } from 'vitest';
import { toPose } from './to_pose';

describe('toPose', () => {
  const raw = {
    keypoints: [
      { name: 'left_knee', x: 10, y: 20, score: 0.9 },
      { name: 'right_knee', x: NaN, y: 20, score: 0.9 },
      { name: 'not_a_joint', x: 1, y: 1, score: 1 },
      { name: 'left_ankle', x: 12, y: 40, score: 1.7 },
    ],
    keypoints3D: [{ name: 'left_knee', x: 0.1, y: 0.4, z: -0.05, score: 0.8 }],
  };

  it('keeps named joints in source pixels, drops non-finite and unknown ones, clamps scores', () => {
    const pose = toPose(raw, 'blazepose-full', 640, 480, 1234);
    expect(pose.joints.left_knee).toEqual({ x: 10, y: 20, score: 0.9 });
    expect(pose.joints.right_knee).toBeUndefined();
    expect(Object.keys(pose.joints)).toEqual(['left_knee', 'left_ankle']);
    expect(pose.joints.left_ankle!.score).toBe(1);
    expect(pose.world!.left_knee).toEqual({ x: 0.1, y: 0.4, z: -0.05, score: 0.8 });
    expect(pose).toMatchObject({ tMs: 1234, width: 640, height: 480, model: 'blazepose-full' });
  });

  it('person score falls back to the mean joint score', () => {
    expect(toPose(raw, 'movenet-lightning', 1, 1, 0).score).toBeCloseTo(0.95, 6);
    expect(toPose({ ...raw, score: 0.4 }, 'movenet-lightning', 1, 1, 0).score).toBe(0.4);
  });

  it('has no world keypoints for 2D models and does not modify its input', () => {
    const input = { keypoints: [{ name: 'nose', x: 1, y: 2, score: 0.5 }] };
    const copy = structuredClone(input);
    expect(toPose(input, 'movenet-lightning', 10, 10, 0).world).toBeUndefined();
    expect(input).toEqual(copy);
  });
});
