// A second model when the first finds no person. BlazePose's person detector is anchored on the face, so a
// squat seen from a camera at hip height that cuts the head off gives no BlazePose pose at all; MoveNet
// Thunder, which has no detector, still reads the legs (test-fixtures/fallback/README.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as tf from '@tensorflow/tfjs-core';
import { measureStill } from '../pipeline/measure_still';
import { createNodeEstimator } from './node/create_node_estimator';
import { decodeImageFile, imageToTensor } from './node/decode_image';
import type { PoseEstimator } from './estimator';
import { FALLBACK_MODEL, FallbackEstimator } from './fallback_estimator';

const root = new URL('../../../test-fixtures/', import.meta.url).pathname;
const HEADLESS = `${root}fallback/squat-head-out-of-frame.png`;
const TRUTH_FPPA_DEG = 14.03; // the rig's right knee FPPA for this frame
const PHOTO = `${root}peer-tfjs-models/pose.jpg`;

describe('FallbackEstimator: BlazePose full, then MoveNet Thunder', () => {
  let alone: PoseEstimator;
  let withFallback: PoseEstimator;
  let afterThree: PoseEstimator;
  let headless: tf.Tensor3D;
  let photo: tf.Tensor3D;

  beforeAll(async () => {
    alone = await createNodeEstimator('blazepose-full', { smoothing: false });
    withFallback = await createNodeEstimator('blazepose-full', {
      smoothing: false,
      fallback: FALLBACK_MODEL['blazepose-full'],
    });
    afterThree = await createNodeEstimator('blazepose-full', {
      smoothing: false,
      fallback: FALLBACK_MODEL['blazepose-full'],
      fallbackAfterMisses: 3,
    });
    headless = imageToTensor(await decodeImageFile(HEADLESS));
    photo = imageToTensor(await decodeImageFile(PHOTO));
  }, 60_000);
  afterAll(() => {
    alone?.dispose();
    withFallback?.dispose();
    afterThree?.dispose();
    headless?.dispose();
    photo?.dispose();
  });

  it('keeps the first model whenever it finds the person', async () => {
    withFallback.reset();
    expect((await withFallback.estimate(photo, 0))?.model).toBe('blazepose-full');
  });

  it('asks the second when the first finds no one, and the squat is measured from its keypoints', async () => {
    alone.reset();
    expect(await alone.estimate(headless, 0)).toBeNull();
    withFallback.reset();
    const pose = await withFallback.estimate(headless, 0);
    expect(pose?.model).toBe('movenet-thunder');
    expect(withFallback.lastModelMs).toBeGreaterThan(0);
    const r = measureStill(pose, 'squat', 'right');
    expect(r.measurable).toBe(true);
    // Within the squat's dev-body error (docs/accuracy.md); this frame reads 14.5°.
    expect(Math.abs(r.fppaDeg! - TRUTH_FPPA_DEG)).toBeLessThan(3);
  });

  it('in a video, waits for that many frames in a row without a person; a reset starts over', async () => {
    afterThree.reset();
    const seq = async (frames: tf.Tensor3D[]) => {
      const models = [];
      for (const [i, f] of frames.entries())
        models.push((await afterThree.estimate(f, i * 66))?.model ?? null);
      return models;
    };
    // A one- or two-frame dropout stays a gap; the third miss in a row is read by the second model.
    expect(await seq([headless, headless, headless, headless])).toEqual([
      null,
      null,
      'movenet-thunder',
      'movenet-thunder',
    ]);
    // The first model's pose wins whenever it has one, even at the count. (That a found person also starts
    // the count over is not shown here: BlazePose's own tracking carries a found person into the next frame.)
    afterThree.reset();
    expect(await seq([headless, headless, photo])).toEqual([null, null, 'blazepose-full']);
    afterThree.reset();
    expect(await seq([headless])).toEqual([null]);
  });

  it('refuses a count below one', () => {
    expect(() => new FallbackEstimator(alone, () => Promise.resolve(alone), { afterMisses: 0 })).toThrow(
      /afterMisses/,
    );
  });
});
