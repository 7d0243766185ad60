import { describe, expect, it } from 'vitest';
import { JOINT_NAMES } from '../types';
import { posesFromBlazePoseArrays } from './blazepose_arrays';

const opts = { width: 720, height: 1280, frameMs: 200, score: 1, model: 'blazepose-full' } as const;

describe('posesFromBlazePoseArrays', () => {
  it('names the 33 points in BlazePose order and times the frames', () => {
    const frame = JOINT_NAMES.map((_, k) => [k, 1000 + k, -k]);
    const [a, b] = posesFromBlazePoseArrays([frame, frame], opts);
    expect(a!.joints.nose).toEqual({ x: 0, y: 1000, score: 1 });
    expect(a!.joints.left_hip).toEqual({ x: 23, y: 1023, score: 1 });
    expect(a!.joints.right_foot_index).toEqual({ x: 32, y: 1032, score: 1 });
    expect(b!.tMs).toBe(200);
    expect(a).toMatchObject({ width: 720, height: 1280, model: 'blazepose-full' });
  });

  it('refuses arrays of another length and drops non-finite points', () => {
    expect(() => posesFromBlazePoseArrays([[[1, 2, 3]]], opts)).toThrow(/1 keypoints/);
    const frame = JOINT_NAMES.map(() => [1, 2, 0]);
    frame[25] = [NaN, 3, 0];
    expect(posesFromBlazePoseArrays([frame], opts)[0]!.joints.left_knee).toBeUndefined();
  });
});
