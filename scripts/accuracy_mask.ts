// npx tsx scripts/accuracy_mask.ts --set DIR --poses FILE.json --out FILE.json [--debug DIR]
// Issue 10's "methods that do not shrink toward neutral": a keypoint model is pulled toward the limb angles it
// saw most, a per-pixel person mask much less so. BlazePose full's segmentation mask is taken of each case (the
// frame turned as the test's model sees it), and the tested leg's shank (and thigh) line is re-drawn through the
// middle of the leg's silhouette, found on cross-sections between the saved pose's own joints. The saved poses
// (scripts/accuracy_poses.ts) gain `mask` (shank redrawn) and `maskLeg` (thigh and shank redrawn) entries for
// scripts/accuracy_sweep.ts (variants 'mask shank', 'mask leg').
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { PNG } from 'pngjs';
import { decodeImageFile, imageToTensor } from '../src/lib/pose/node/decode_image';
import { fileModelHandler } from '../src/lib/pose/node/file_io_handler';
import { useNodeWasmBackend } from '../src/lib/pose/node/node_backend';
import { MODELS_DIR } from '../src/lib/pose/node/create_node_estimator';
import { TEST_MODELS, TEST_ROTATION } from '../src/lib/pipeline/test_setup';
import type { Joint, Pose, Side, TestId } from '../src/lib/types';
import { redrawSegment, type Mask } from '../src/lib/pose/mask_midline';
import { blazePoseMaskSource } from '../src/lib/pose/mask_source';
import { createTfjsDetector } from '../src/lib/pose/tfjs_detector';
import { validateEstimatorConfig } from '../src/lib/pose/config';

const { values } = parseArgs({
  options: {
    set: { type: 'string' },
    poses: { type: 'string' },
    out: { type: 'string' },
    debug: { type: 'string' },
    // Masks are kept here (8-bit, one file a case) so the line's settings can be swept without the model.
    cache: { type: 'string' },
    threshold: { type: 'string', default: '0.5' },
    from: { type: 'string', default: '0.3' },
    to: { type: 'string', default: '0.8' },
  },
});
if (!values.set || !values.poses || !values.out)
  throw new Error('usage: --set DIR --poses FILE.json --out FILE.json [--debug DIR]');
const dir = resolve(values.set);
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  cases: { id: string; file: string; test: TestId; side: Side }[];
};
type Entry = { pose: Pose | null; mask?: Pose | null; maskLeg?: Pose | null; maskMids?: number };
const saved = JSON.parse(readFileSync(values.poses, 'utf8')) as {
  format: string;
  set: string;
  poses: Record<string, Record<string, Entry>>;
};

await useNodeWasmBackend();
// The product's own mask source (pose/mask_source.ts), so what is measured here is what the app runs.
const masks = blazePoseMaskSource(
  await createTfjsDetector(
    validateEstimatorConfig({
      model: 'blazepose-full',
      backend: 'wasm',
      baseUrl: '/',
      sources: {
        detector: fileModelHandler(join(MODELS_DIR, 'blazepose-detector.json')),
        landmark: fileModelHandler(join(MODELS_DIR, 'blazepose-full.json')),
      },
    }),
    { segmentation: true },
  ),
  { mirrored: false },
);

/** BlazePose's person mask of the frame (0–1 per source pixel), or null when it finds no one. */
async function personMask(image: tf.Tensor3D, turn180: boolean): Promise<Mask | null> {
  const input = turn180 ? tf.reverse(image, [0, 1]) : image;
  try {
    const mask = await masks.read(input);
    // Turned back to the source frame, so the saved keypoints and the mask share pixels (a row-major picture
    // read backwards is the picture turned 180°).
    if (mask && turn180) mask.data.reverse();
    return mask;
  } finally {
    if (input !== image) input.dispose();
  }
}

function withJoints(p: Pose, side: Side, joints: Partial<Record<'hip' | 'knee' | 'ankle', Joint>>): Pose {
  const next = { ...p.joints };
  for (const [k, j] of Object.entries(joints)) if (j) next[`${side}_${k as 'hip'}`] = j;
  return { ...p, joints: next };
}

const t0 = Date.now();
let found = 0;
for (const [i, c] of manifest.cases.entries()) {
  const entry = saved.poses[c.id]?.[TEST_MODELS[c.test]];
  const pose = entry?.pose;
  if (!entry || !pose) continue;
  const cached = values.cache ? join(values.cache, `${c.id}.mask`) : null;
  let mask: Mask | null;
  if (cached && existsSync(cached)) {
    const buf = readFileSync(cached);
    const w = buf.readUInt32LE(0);
    const h = buf.readUInt32LE(4);
    mask = w ? { width: w, height: h, data: Float32Array.from(buf.subarray(8), (v) => v / 255) } : null;
  } else {
    const image = imageToTensor(await decodeImageFile(join(dir, c.file)));
    try {
      mask = await personMask(image, TEST_ROTATION[c.test] === 180);
    } finally {
      image.dispose();
    }
    if (cached) {
      mkdirSync(values.cache!, { recursive: true });
      const head = Buffer.alloc(8);
      head.writeUInt32LE(mask?.width ?? 0, 0);
      head.writeUInt32LE(mask?.height ?? 0, 4);
      const body = mask
        ? Buffer.from(Uint8Array.from(mask.data, (v) => Math.round(v * 255)))
        : Buffer.alloc(0);
      writeFileSync(cached, Buffer.concat([head, body]));
    }
  }
  if (!mask) {
    entry.mask = entry.maskLeg = null;
    continue;
  }
  found++;
  const hip = pose.joints[`${c.side}_hip`];
  const knee = pose.joints[`${c.side}_knee`];
  const ankle = pose.joints[`${c.side}_ankle`];
  const opts = { threshold: Number(values.threshold), from: Number(values.from), to: Number(values.to) };
  const shank = knee && ankle ? redrawSegment(mask, knee, ankle, opts) : null;
  entry.maskMids = shank?.mids.length ?? 0;
  entry.mask = shank ? withJoints(pose, c.side, { knee: shank.a, ankle: shank.b }) : null;
  const thigh = hip && knee ? redrawSegment(mask, hip, knee, { ...opts, from: 0.35, to: 0.8 }) : null;
  entry.maskLeg =
    shank && thigh
      ? withJoints(pose, c.side, {
          hip: thigh.a,
          // The knee where the two redrawn lines meet is ill-posed when they run nearly parallel; keep the shank's.
          knee: shank.a,
          ankle: shank.b,
        })
      : null;
  if (values.debug) {
    mkdirSync(values.debug, { recursive: true });
    const png = new PNG({ width: mask.width, height: mask.height });
    for (let p = 0; p < mask.width * mask.height; p++) {
      const v = Math.round(mask.data[p]! * 255);
      png.data.set([v, v, v, 255], p * 4);
    }
    const dot = (j: { x: number; y: number } | undefined, rgb: [number, number, number]) => {
      if (!j) return;
      for (let dy = -3; dy <= 3; dy++)
        for (let dx = -3; dx <= 3; dx++) {
          const x = Math.round(j.x) + dx;
          const y = Math.round(j.y) + dy;
          if (x >= 0 && y >= 0 && x < mask!.width && y < mask!.height)
            png.data.set([...rgb, 255], (y * mask!.width + x) * 4);
        }
    };
    dot(knee, [255, 0, 0]);
    dot(ankle, [255, 0, 0]);
    dot(shank?.a, [0, 255, 0]);
    dot(shank?.b, [0, 255, 0]);
    for (const m of shank?.mids ?? []) dot(m, [0, 0, 255]);
    writeFileSync(join(values.debug, `${c.id}.png`), PNG.sync.write(png));
  }
  if ((i + 1) % 20 === 0)
    console.error(
      `${i + 1}/${manifest.cases.length} ${((Date.now() - t0) / 1000).toFixed(0)} s, ${found} masks`,
    );
}
masks.dispose();
writeFileSync(values.out, JSON.stringify(saved));
console.error(`masks for ${found} of ${manifest.cases.length} cases`);
