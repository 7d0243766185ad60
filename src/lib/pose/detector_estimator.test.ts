import type { PoseDetector } from '@tensorflow-models/pose-detection';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { DetectorEstimator, type DetectorEstimatorOptions } from './detector_estimator';
import type { PoseInput } from './estimator';
import type { RawPose } from './to_pose';
import { useNodeWasmBackend } from './node/node_backend';

// The unit under test is the wrapper (guard, edge conversion, unmirroring, smoothing switch), so
// the detector is a stand-in; the real models run in src/lib/pose/peer/*.test.ts.
function fakeDetector(poses: RawPose[], log: string[], gate?: Promise<void>): PoseDetector {
  return {
    async estimatePoses(image, config, ts) {
      log.push(`estimate ${JSON.stringify(config)} @${String(ts)}`);
      await gate;
      return poses as never;
    },
    reset: () => void log.push('reset'),
    dispose: () => void log.push('dispose'),
  };
}

const opts: DetectorEstimatorOptions = {
  model: 'movenet-lightning',
  backend: 'wasm',
  runtime: 'tfjs',
  backendReason: 'wasm: chosen in settings',
  mirrored: false,
  smoothing: false,
};
const tensorFrame = { shape: [480, 640, 3] } as unknown as PoseInput;
const person: RawPose = {
  keypoints: [
    { name: 'left_knee', x: 100, y: 300, score: 0.9 },
    { name: 'right_knee', x: 200, y: 300, score: 0.8 },
  ],
};

describe('DetectorEstimator', () => {
  it('asks for one unflipped pose with the frame time and converts it at the edge', async () => {
    const log: string[] = [];
    const est = new DetectorEstimator(fakeDetector([person], log), opts);
    const pose = await est.estimate(tensorFrame, 1000);
    expect(log).toEqual(['estimate {"maxPoses":1,"flipHorizontal":false} @1000']);
    expect(pose).toMatchObject({ width: 640, height: 480, tMs: 1000, model: 'movenet-lightning' });
    expect(pose!.joints.left_knee).toEqual({ x: 100, y: 300, score: 0.9 });
    expect(est.info).toEqual({
      model: 'movenet-lightning',
      backend: 'wasm',
      runtime: 'tfjs',
      backendReason: 'wasm: chosen in settings',
    });
  });

  it('returns null when nobody is found or the frame has no size yet', async () => {
    const log: string[] = [];
    expect(await new DetectorEstimator(fakeDetector([], log), opts).estimate(tensorFrame, 0)).toBeNull();
    const empty = { shape: [0, 0, 3] } as unknown as PoseInput;
    expect(await new DetectorEstimator(fakeDetector([person], log), opts).estimate(empty, 0)).toBeNull();
  });

  it('unmirrors a selfie source so sides stay anatomical', async () => {
    const est = new DetectorEstimator(fakeDetector([person], []), { ...opts, mirrored: true });
    const pose = await est.estimate(tensorFrame, 0);
    expect(pose!.joints.right_knee).toEqual({ x: 540, y: 300, score: 0.9 });
    expect(pose!.joints.left_knee).toEqual({ x: 440, y: 300, score: 0.8 });
  });

  it('turns the frame 180° for the model and the keypoints back, then unmirrors', async () => {
    await useNodeWasmBackend();
    // A 480×640 frame whose top-left pixel is marked: the detector must see it bottom-right.
    const buf = tf.buffer([480, 640, 3], 'int32');
    buf.set(255, 0, 0, 0);
    const marked = buf.toTensor() as tf.Tensor3D;
    const seen: number[] = [];
    const detector: PoseDetector = {
      async estimatePoses(image) {
        const t = image as tf.Tensor3D;
        seen.push(t.shape[0], t.shape[1], (t.arraySync() as number[][][])[479]![639]![0]!);
        return [person] as never;
      },
      reset: () => undefined,
      dispose: () => undefined,
    };
    const before = tf.memory().numTensors;
    const turned = await new DetectorEstimator(detector, { ...opts, rotation: 180 }).estimate(marked, 0);
    expect(seen).toEqual([480, 640, 255]);
    expect(tf.memory().numTensors).toBe(before); // the turned copy is released
    expect(turned!.joints.left_knee).toEqual({ x: 540, y: 180, score: 0.9 });
    expect(turned!.joints.right_knee).toEqual({ x: 440, y: 180, score: 0.8 });

    const both = await new DetectorEstimator(detector, { ...opts, rotation: 180, mirrored: true }).estimate(
      marked,
      0,
    );
    expect(both!.joints.right_knee).toEqual({ x: 100, y: 180, score: 0.9 });
    expect(both!.joints.left_knee).toEqual({ x: 200, y: 180, score: 0.8 });
    marked.dispose();
  });

  it('rejects a call made while the previous one runs, then works again', async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const est = new DetectorEstimator(fakeDetector([person], [], gate), opts);
    const first = est.estimate(tensorFrame, 0);
    await expect(est.estimate(tensorFrame, 33)).rejects.toThrow(/still being estimated/);
    open();
    expect(await first).not.toBeNull();
    expect(await est.estimate(tensorFrame, 66)).not.toBeNull();
  });

  it('sizes a <video> by its intrinsic size, which pose-detection reads from width/height', async () => {
    const video = { videoWidth: 1280, videoHeight: 720, width: 0, height: 0 };
    const est = new DetectorEstimator(fakeDetector([person], []), opts);
    const pose = await est.estimate(video as unknown as PoseInput, 0);
    expect(video).toMatchObject({ width: 1280, height: 720 });
    expect(pose).toMatchObject({ width: 1280, height: 720 });
  });

  it('smooths with the frame timestamps when on, and reset() clears detector and smoother', async () => {
    const log: string[] = [];
    const at = (x: number): RawPose => ({ keypoints: [{ name: 'left_knee', x, y: 300, score: 0.9 }] });
    const poses = [at(100)];
    const est = new DetectorEstimator(fakeDetector(poses, log), { ...opts, smoothing: {} });
    await est.estimate(tensorFrame, 0);
    poses[0] = at(104);
    const smoothed = (await est.estimate(tensorFrame, 33))!.joints.left_knee!.x;
    expect(smoothed).toBeGreaterThan(100);
    expect(smoothed).toBeLessThan(104);
    est.reset();
    expect(log).toContain('reset');
    expect((await est.estimate(tensorFrame, 66))!.joints.left_knee!.x).toBe(104);
    est.dispose();
    expect(log).toContain('dispose');
  });
});
