// The person mask's second look at a knee the model scored too low, with the real models (MoveNet Thunder,
// BlazePose full with segmentation) on a rig frame of a supine test with the hands on the leg
// (test-fixtures/knee-mask/README.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as tf from '@tensorflow/tfjs-core';
import { measureStill } from '../pipeline/measure_still';
import { createNodeEstimator } from './node/create_node_estimator';
import { decodeImageFile, imageToTensor } from './node/decode_image';
import type { PoseEstimator } from './estimator';
import { KNEE_MASK } from './knee_mask';
import { KneeMaskEstimator } from './knee_mask_estimator';

const root = new URL('../../../test-fixtures/', import.meta.url).pathname;
const KNEE_LOW = `${root}knee-mask/supine-hands-knee-low.png`;
const TRUTH_IR_DEG = 16;
const PHOTO = `${root}peer-tfjs-models/pose.jpg`;

describe('KneeMaskEstimator: MoveNet Thunder, and BlazePose full’s person mask for a low-scored knee', () => {
  let plain: PoseEstimator;
  let masked: KneeMaskEstimator;
  let kneeLow: tf.Tensor3D;
  let photo: tf.Tensor3D;

  beforeAll(async () => {
    plain = await createNodeEstimator('movenet-thunder', { smoothing: false });
    const e = await createNodeEstimator('movenet-thunder', { smoothing: false, kneeMask: true });
    if (!(e instanceof KneeMaskEstimator)) throw new Error('kneeMask: true made no KneeMaskEstimator');
    masked = e;
    kneeLow = imageToTensor(await decodeImageFile(KNEE_LOW));
    photo = imageToTensor(await decodeImageFile(PHOTO));
  }, 60_000);
  afterAll(() => {
    plain?.dispose();
    masked?.dispose();
    kneeLow?.dispose();
    photo?.dispose();
  });

  it('measures a supine still the model alone refused for a low-scored knee, near the truth', async () => {
    plain.reset();
    const alone = await plain.estimate(kneeLow, 0);
    const knee = alone!.joints.right_knee!.score;
    expect(knee).toBeGreaterThanOrEqual(KNEE_MASK.minScore);
    expect(knee).toBeLessThan(KNEE_MASK.measureScore);
    expect(measureStill(alone, 'supine', 'right')).toMatchObject({
      measurable: false,
      reason: expect.stringMatching(/right knee not clearly visible/),
    });

    masked.reset();
    const pose = await masked.estimate(kneeLow, 0);
    expect(masked.lastConfirmed).toContain('right');
    expect(pose!.joints.right_knee!.score).toBe(KNEE_MASK.measureScore);
    // The mask's model ran, so the frame's model time includes it.
    expect(masked.lastModelMs).toBeGreaterThan(0);
    const r = measureStill(pose, 'supine', 'right');
    expect(r.measurable).toBe(true);
    // Within the supine report bodies' P95 (docs/accuracy.md); this frame reads about 17°.
    expect(Math.abs(r.hipRotationDeg! - TRUTH_IR_DEG)).toBeLessThan(5);
  });

  it('leaves a pose whose knees are scored well enough as the model gave it, without the mask', async () => {
    plain.reset();
    masked.reset();
    const a = await plain.estimate(photo, 0);
    const b = await masked.estimate(photo, 0);
    expect(a!.joints.left_knee!.score).toBeGreaterThanOrEqual(KNEE_MASK.measureScore);
    expect(a!.joints.right_knee!.score).toBeGreaterThanOrEqual(KNEE_MASK.measureScore);
    expect(masked.lastConfirmed).toEqual([]);
    expect(b).toEqual(a);
  });
});
