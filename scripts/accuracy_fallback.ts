// npx tsx scripts/accuracy_fallback.ts --set DIR --poses FILE.json --model M --out FILE.json
// For the cases where the saved pose (scripts/accuracy_poses.ts) found no person, runs another model on the
// same frame (turned as the test turns it) and writes a copy of the saved poses with those filled in, so a
// fallback model ("when the first finds no person, ask a second") is scored by accuracy_sweep.ts like any
// other variant, without re-running the first model.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeEstimator } from '../src/lib/pose/node/create_node_estimator';
import { decodeImageFile, imageToTensor } from '../src/lib/pose/node/decode_image';
import { TEST_ROTATION } from '../src/lib/pipeline/test_setup';
import type { PoseEstimator } from '../src/lib/pose/estimator';
import type { FrameRotation } from '../src/lib/pose/rotation';
import type { ModelId, Pose, TestId } from '../src/lib/types';

const { values } = parseArgs({
  options: {
    set: { type: 'string' },
    poses: { type: 'string' },
    model: { type: 'string' },
    out: { type: 'string' },
  },
});
if (!values.set || !values.poses || !values.model || !values.out)
  throw new Error('usage: --set DIR --poses FILE.json --model M --out FILE.json');
const dir = resolve(values.set);
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  cases: { id: string; file: string; test: TestId }[];
};
type Saved = Record<string, Record<string, { pose: Pose | null; flipped?: Pose | null; fallback?: string }>>;
const saved = JSON.parse(readFileSync(values.poses, 'utf8')) as { poses: Saved };
const model = values.model as ModelId;
const estimators = new Map<FrameRotation, PoseEstimator>();
let filled = 0;
let tried = 0;
try {
  for (const c of manifest.cases) {
    const entry = Object.values(saved.poses[c.id] ?? {})[0];
    if (!entry || entry.pose) continue;
    tried++;
    const rotation = TEST_ROTATION[c.test];
    let e = estimators.get(rotation);
    if (!e) {
      e = await createNodeEstimator(model, { smoothing: false, rotation });
      estimators.set(rotation, e);
    }
    const image = imageToTensor(await decodeImageFile(join(dir, c.file)));
    try {
      e.reset();
      const pose = await e.estimate(image, 0);
      if (pose) {
        entry.pose = pose;
        entry.fallback = model;
        filled++;
      }
    } finally {
      image.dispose();
    }
  }
} finally {
  for (const e of estimators.values()) e.dispose();
}
console.error(`${model}: found a person in ${filled} of the ${tried} frames the first model found none in`);
writeFileSync(values.out, JSON.stringify(saved));
