import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import type { Pose } from '../types';
import { unmirrorPose } from './mirror';
import { FrameTurner } from './frame_turner';
import { turnPoseBack180 } from './rotation';
import { useNodeWasmBackend } from './node/node_backend';

const pose: Pose = {
  tMs: 5,
  width: 640,
  height: 480,
  score: 0.9,
  model: 'blazepose-full',
  joints: {
    nose: { x: 320, y: 50, score: 1 },
    left_knee: { x: 100, y: 300, score: 0.8 },
    right_knee: { x: 500, y: 310, score: 0.7 },
  },
  world: { left_knee: { x: 0.1, y: 0.4, z: 0.02, score: 0.8 } },
};

describe('turning keypoints back from a frame turned 180°', () => {
  it('maps x → W − x and y → H − y, keeps the sides (a turn is not a mirror) and the scores', () => {
    const t = turnPoseBack180(pose);
    expect(t.joints.left_knee).toEqual({ x: 540, y: 180, score: 0.8 });
    expect(t.joints.right_knee).toEqual({ x: 140, y: 170, score: 0.7 });
    expect(t.joints.nose).toEqual({ x: 320, y: 430, score: 1 });
    expect(t).toMatchObject({ tMs: 5, width: 640, height: 480, score: 0.9, model: 'blazepose-full' });
  });

  it('rolls the world keypoints 180° about the camera axis: x and y negated, depth kept', () => {
    expect(turnPoseBack180(pose).world!.left_knee).toEqual({ x: -0.1, y: -0.4, z: 0.02, score: 0.8 });
  });

  it('is its own inverse and leaves the input untouched', () => {
    const copy = structuredClone(pose);
    expect(turnPoseBack180(turnPoseBack180(pose))).toEqual(pose);
    expect(pose).toEqual(copy);
  });

  it('composes with unmirroring in either order: a mirrored, turned source is a vertical flip with sides swapped', () => {
    const both = unmirrorPose(turnPoseBack180(pose));
    expect(turnPoseBack180(unmirrorPose(pose))).toEqual(both);
    expect(both.joints.right_knee).toEqual({ x: 100, y: 180, score: 0.8 });
    expect(both.joints.left_knee).toEqual({ x: 500, y: 170, score: 0.7 });
    expect(both.world!.right_knee).toEqual({ x: 0.1, y: -0.4, z: 0.02, score: 0.8 });
  });
});

describe('turning a tensor frame (Node)', () => {
  it('reverses rows and columns, so pixel (x, y) lands at (W − 1 − x, H − 1 − y), and release() frees it', async () => {
    await useNodeWasmBackend();
    const frame = tf.tensor3d(
      Array.from({ length: 2 * 3 * 3 }, (_, i) => i),
      [2, 3, 3],
      'int32',
    );
    const before = tf.memory().numTensors;
    const turned = new FrameTurner().turn(frame, 3, 2);
    const out = (turned.input as tf.Tensor3D).arraySync();
    const src = frame.arraySync();
    for (let y = 0; y < 2; y++) for (let x = 0; x < 3; x++) expect(out[1 - y]![2 - x]).toEqual(src[y]![x]);
    turned.release();
    expect(tf.memory().numTensors).toBe(before);
    frame.dispose();
  });
});
