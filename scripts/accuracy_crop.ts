// npx tsx scripts/accuracy_crop.ts --set DIR --poses FILE.json --out FILE.json [--model M] [--from M]
//     [--span 1.6] [--size 256]
// The second look at the tested leg (src/lib/pose/leg_crop.ts): for every case, a square crop around the leg
// of the saved first pose (scripts/accuracy_poses.ts; `--from` picks which model's pose when several were
// saved, default the test's own), turned so the shank points down, is given to `--model` (default MoveNet
// Thunder, which needs no face to find a person), and its pose, mapped back to the frame's pixels, is saved
// beside the first as `crop`. accuracy_sweep.ts scores the "crop …" variants from it without a model run.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PNG } from 'pngjs';
import { createNodeEstimator } from '../src/lib/pose/node/create_node_estimator';
import { decodeImageFile, imageToTensor } from '../src/lib/pose/node/decode_image';
import { cropTransform, legCrop, poseFromCrop } from './leg_crop';
import { TEST_MODELS } from '../src/lib/pipeline/test_setup';
import type { ModelId, Pose, Side, TestId } from '../src/lib/types';

const { values } = parseArgs({
  options: {
    set: { type: 'string' },
    poses: { type: 'string' },
    out: { type: 'string' },
    model: { type: 'string', default: 'movenet-thunder' },
    from: { type: 'string' },
    span: { type: 'string', default: '1.6' },
    size: { type: 'string', default: '256' },
    // Write the first N crops as PNG (with the pose found in them) to DIR, to look at.
    dump: { type: 'string' },
    // The same crop without the turn (the zoom alone), to tell the two apart.
    'no-turn': { type: 'boolean', default: false },
    'dump-dir': { type: 'string', default: '/tmp/leg-crops' },
  },
});
if (!values.set || !values.poses || !values.out)
  throw new Error('usage: --set DIR --poses FILE.json --out FILE.json [--model M] [--from M] [--span F]');
const dir = resolve(values.set);
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  cases: { id: string; file: string; test: TestId; side: Side }[];
};
type Entry = { pose: Pose | null; flipped?: Pose | null; crop?: Pose | null };
const saved = JSON.parse(readFileSync(values.poses, 'utf8')) as {
  poses: Record<string, Record<string, Entry>>;
};
const model = values.model as ModelId;
const e = await createNodeEstimator(model, { smoothing: false });
const t0 = Date.now();
let looked = 0;
let found = 0;
try {
  for (const [i, c] of manifest.cases.entries()) {
    const byModel = saved.poses[c.id] ?? {};
    const fromModel = (values.from as ModelId | undefined) ?? TEST_MODELS[c.test];
    const entry = byModel[fromModel] ?? Object.values(byModel)[0];
    if (!entry?.pose) continue;
    const placed = legCrop(entry.pose, c.side, {
      size: Number(values.size),
      spanFactor: Number(values.span),
    });
    const crop = placed && values['no-turn'] ? { ...placed, angle: 0 } : placed;
    if (!crop) {
      entry.crop = null;
      continue;
    }
    looked++;
    const image = imageToTensor(await decodeImageFile(join(dir, c.file)));
    const warped = tf.tidy(() => {
      const batch = tf.expandDims(tf.cast(image, 'float32'), 0) as tf.Tensor4D;
      const t = tf.tensor2d([cropTransform(crop)], [1, 8]);
      const out = tf.image.transform(batch, t, 'bilinear', 'constant', 0, [crop.size, crop.size]);
      return tf.cast(tf.squeeze(out, [0]), 'int32') as tf.Tensor3D;
    });
    try {
      e.reset();
      const p = await e.estimate(warped, 0);
      entry.crop = p ? poseFromCrop(p, crop, entry.pose) : null;
      if (values.dump && looked <= Number(values.dump))
        await dumpCrop(warped, p, `${values['dump-dir']}/${c.id}.png`);
      if (p) found++;
    } finally {
      image.dispose();
      warped.dispose();
    }
    if ((i + 1) % 40 === 0)
      console.error(`${i + 1}/${manifest.cases.length} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
} finally {
  e.dispose();
}
console.error(`${model}: a pose in ${found} of ${looked} leg crops`);
writeFileSync(values.out, JSON.stringify(saved));

/** The crop as the model saw it, its knees and ankles marked (left green, right red). */
async function dumpCrop(t: tf.Tensor3D, p: Pose | null, file: string): Promise<void> {
  const [h, w] = t.shape;
  const data = await t.data();
  const png = new PNG({ width: w, height: h });
  for (let i = 0; i < w * h; i++) {
    png.data[4 * i] = data[3 * i]!;
    png.data[4 * i + 1] = data[3 * i + 1]!;
    png.data[4 * i + 2] = data[3 * i + 2]!;
    png.data[4 * i + 3] = 255;
  }
  for (const [name, col] of [
    ['left_knee', [0, 255, 0]],
    ['left_ankle', [0, 160, 0]],
    ['right_knee', [255, 0, 0]],
    ['right_ankle', [160, 0, 0]],
    ['left_hip', [0, 255, 255]],
    ['right_hip', [255, 0, 255]],
  ] as const) {
    const j = p?.joints[name];
    if (!j) continue;
    for (let dy = -3; dy <= 3; dy++)
      for (let dx = -3; dx <= 3; dx++) {
        const x = Math.round(j.x) + dx;
        const y = Math.round(j.y) + dy;
        if (x < 0 || y < 0 || x >= w || y >= h) continue;
        const o = 4 * (y * w + x);
        [png.data[o], png.data[o + 1], png.data[o + 2]] = col;
      }
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, PNG.sync.write(png));
}
