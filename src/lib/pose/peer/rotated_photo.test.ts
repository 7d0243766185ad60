// The 180° turn with the real models: the peer photo (tfjs-models' pose.jpg) turned upside down in code and
// estimated with rotation 180 must give the keypoints of the upright photo, turned into the turned photo's
// pixels. The estimator turns the frame back before the model sees it, so the model reads the same picture.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { JOINT_NAMES, type Pose } from '../../types';
import { createNodeEstimator } from '../node/create_node_estimator';
import { decodeImageFile, imageToTensor } from '../node/decode_image';
import { turnPoseBack180 } from '../rotation';

const PHOTO = new URL('../../../../test-fixtures/peer-tfjs-models/pose.jpg', import.meta.url).pathname;

describe.each(['blazepose-full', 'movenet-thunder'] as const)('%s on pose.jpg turned 180°', (model) => {
  let upright: Pose | null = null;
  let turned: Pose | null = null;
  let asIs: Pose | null = null;

  beforeAll(async () => {
    const plain = await createNodeEstimator(model, { smoothing: false });
    const turning = await createNodeEstimator(model, { smoothing: false, rotation: 180 });
    const image = imageToTensor(await decodeImageFile(PHOTO));
    const upsideDown = tf.reverse(image, [0, 1]) as tf.Tensor3D;
    try {
      upright = await plain.estimate(image, 0);
      plain.reset();
      asIs = await plain.estimate(upsideDown, 0);
      turned = await turning.estimate(upsideDown, 0);
    } finally {
      plain.dispose();
      turning.dispose();
      image.dispose();
      upsideDown.dispose();
    }
  });

  // The model sees the very pixels of the upright photo, so the keypoints agree to float precision: a mapping
  // off by one pixel (W − 1 − x) would already miss by 1.4 px.
  it('gives the upright photo’s keypoints, in the turned photo’s pixels', () => {
    expect(upright).not.toBeNull();
    expect(turned).not.toBeNull();
    const expected = turnPoseBack180(upright!);
    const errs = JOINT_NAMES.filter((n) => expected.joints[n]).map((n) => {
      const a = expected.joints[n]!;
      const b = turned!.joints[n];
      return {
        n,
        px: b ? Math.hypot(a.x - b.x, a.y - b.y) : Infinity,
        dScore: b ? Math.abs(a.score - b.score) : 1,
      };
    });
    expect(errs.length).toBeGreaterThanOrEqual(17);
    for (const e of errs) {
      expect(e.px, e.n).toBeLessThanOrEqual(0.01);
      expect(e.dScore, e.n).toBeLessThanOrEqual(1e-4);
    }
    if (expected.world) {
      for (const n of JOINT_NAMES.filter((j) => expected.world![j])) {
        const a = expected.world[n]!;
        const b = turned!.world![n]!;
        expect(Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z), n).toBeLessThanOrEqual(1e-4);
      }
    }
    const legs = ['left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'] as const;
    const off = (p: Pose | null) =>
      legs.map((n) => {
        const a = expected.joints[n]!;
        const b = p?.joints[n];
        return b ? Math.hypot(a.x - b.x, a.y - b.y).toFixed(0) : '—';
      });
    console.log(
      `${model}: turned back, max ${Math.max(...errs.map((e) => e.px)).toFixed(2)} px over ${errs.length} keypoints; ` +
        `the upside-down photo as is, legs off by ${off(asIs).join('/')} px`,
    );
  });
});
