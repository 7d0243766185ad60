// npx tsx scripts/accuracy_poses.ts --set DIR --out FILE.json [--models per-test|all] [--flip]
// Runs the pose models once over a fixture set and writes every case's pose (the app's Pose, source-frame
// pixels), so methods, guards and corrections can be tried on the dev bodies without re-running a model
// (scripts/accuracy_sweep.ts). --models all: every tfjs model for every test, not only the one the app uses;
// --flip: also the pose of the mirrored frame, mapped back (for flip averaging).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { createNodeEstimator } from '../src/lib/pose/node/create_node_estimator';
import { decodeImageFile, imageToTensor } from '../src/lib/pose/node/decode_image';
import { TEST_MODELS, TEST_ROTATION } from '../src/lib/pipeline/test_setup';
import type { PoseEstimator } from '../src/lib/pose/estimator';
import { unmirrorPose } from '../src/lib/pose/mirror';
import type { ModelId, Pose, TestId } from '../src/lib/types';
import type { FrameRotation } from '../src/lib/pose/rotation';

const { values } = parseArgs({
  options: {
    set: { type: 'string' },
    out: { type: 'string' },
    models: { type: 'string', default: 'per-test' },
    flip: { type: 'boolean', default: false },
  },
});
if (!values.set || !values.out)
  throw new Error('usage: --set DIR --out FILE.json [--models per-test|all] [--flip]');
const dir = resolve(values.set);
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  cases: { id: string; file: string; test: TestId }[];
};
const ALL: ModelId[] = ['blazepose-full', 'movenet-thunder'];
const estimators = new Map<string, PoseEstimator>();
const out: Record<string, Record<string, { pose: Pose | null; flipped?: Pose | null }>> = {};
async function estimator(model: ModelId, rotation: FrameRotation): Promise<PoseEstimator> {
  const key = `${model}@${rotation}`;
  let e = estimators.get(key);
  if (!e) {
    e = await createNodeEstimator(model, { smoothing: false, rotation });
    estimators.set(key, e);
  }
  return e;
}
const t0 = Date.now();
try {
  for (const [i, c] of manifest.cases.entries()) {
    const rotation = TEST_ROTATION[c.test];
    const models = values.models === 'all' ? ALL : [TEST_MODELS[c.test]];
    // Estimators first: creating one starts the wasm backend that the image tensors need.
    for (const model of models) await estimator(model, rotation);
    const image = imageToTensor(await decodeImageFile(join(dir, c.file)));
    const mirrored = values.flip ? tf.reverse(image, 1) : null;
    try {
      for (const model of models) {
        const e = await estimator(model, rotation);
        e.reset();
        const pose = await e.estimate(image, 0);
        let flipped: Pose | null | undefined;
        if (mirrored) {
          e.reset();
          const p = await e.estimate(mirrored as tf.Tensor3D, 0);
          flipped = p ? unmirrorPose(p) : null;
        }
        (out[c.id] ??= {})[model] = { pose, ...(mirrored ? { flipped } : {}) };
      }
    } finally {
      image.dispose();
      mirrored?.dispose();
    }
    if ((i + 1) % 20 === 0)
      console.error(`${i + 1}/${manifest.cases.length} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
} finally {
  for (const e of estimators.values()) e.dispose();
}
writeFileSync(values.out, JSON.stringify({ format: 'goniocam-accuracy-poses/1', set: dir, poses: out }));
