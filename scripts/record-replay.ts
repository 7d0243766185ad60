// npm run fixtures:replay [-- seated supine prone squat] [-- --clip DIR --out FILE]
// Runs the real pose model each test uses in the app (src/lib/pipeline/test_setup.ts; tfjs wasm in Node, One
// Euro smoothing on, the test's frame rotation and knee mask, as in the app) over each
// rendered trial clip (test-fixtures/synth/clips/<test>/clip.json) frame by frame at the clip's own timestamps,
// and writes test-fixtures/replay/<test>.poses.json (goniocam-poses/1, parsed by src/lib/pipeline/pose_sequence.ts):
// what the app's protocols would have seen, with the clip's truth, for replay unit tests without a model.
// The squat clip's truth is not a hip test's (FPPA per leg per frame and per rep, not a rotation per side:
// scripts/rig/squat_clip_timeline.mjs), so its recording is goniocam-squat-poses/1: the same fields and
// poses, with the clip's squat truth as `truth` (read by src/lib/protocols/squat_clip_replay.test.ts).
// --clip DIR --out FILE (one test): another clip's folder (a rig body's clip from clips.mjs --body) and where its
// recording goes, instead of the committed clip and test-fixtures/replay/<test>.poses.json. --lean leaves out the
// 3-D (world) keypoints, which the 2-D hip methods do not read: half the size, for a body's replay a test commits.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createNodeEstimator } from '../src/lib/pose/node/create_node_estimator';
import { KneeMaskEstimator } from '../src/lib/pose/knee_mask_estimator';
import { decodeImageFile, imageToTensor, type RgbImage } from '../src/lib/pose/node/decode_image';
import type { JointName, Pose } from '../src/lib/types';
import { POSE_SEQUENCE_FORMAT } from '../src/lib/pipeline/pose_sequence';
import { TEST_KNEE_MASK, TEST_MODELS, TEST_ROTATION } from '../src/lib/pipeline/test_setup';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const opt = (n: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : null);
const clipArg = opt('--clip');
const outArg = opt('--out');
const lean = argv.includes('--lean');
const named = argv.filter((a, i) => !a.startsWith('--') && !['--clip', '--out'].includes(argv[i - 1]!));
const tests = named.length ? named : ['seated', 'supine', 'prone', 'squat'];
if ((clipArg || outArg) && !(clipArg && outArg && tests.length === 1))
  throw new Error('--clip and --out go together, with one test');

/** What the protocols and geometry read (head for trunk lean and facing, legs and feet); the rest is dropped. */
const KEPT: readonly JointName[] = [
  'nose',
  'left_ear',
  'right_ear',
  'left_shoulder',
  'right_shoulder',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
  'left_heel',
  'right_heel',
  'left_foot_index',
  'right_foot_index',
];

interface Clip {
  width: number;
  height: number;
  fps: number;
  keyframes: { file: string }[];
  frames: number[];
  truth: { series: { tMs: number }[]; trials?: unknown[] };
  body?: { id: string };
}

/** goniocam-poses/1 with the squat clip's truth in place of a hip test's. */
const SQUAT_POSE_SEQUENCE_FORMAT = 'goniocam-squat-poses/1';

const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** Rounded to what the tests can tell apart (0.1 px, 0.001 for scores and metres): a tenth of the size. */
function compact(pose: Pose): Pose {
  if (lean) {
    const { world: _world, ...rest } = compactFull(pose);
    return rest;
  }
  return compactFull(pose);
}

function compactFull(pose: Pose): Pose {
  const joints: Pose['joints'] = Object.fromEntries(
    KEPT.flatMap((n) => {
      const j = pose.joints[n];
      return j ? [[n, { x: r(j.x, 1), y: r(j.y, 1), score: r(j.score, 3) }]] : [];
    }),
  );
  const world: Pose['world'] = pose.world
    ? Object.fromEntries(
        KEPT.flatMap((n) => {
          const j = pose.world![n];
          return j ? [[n, { x: r(j.x, 3), y: r(j.y, 3), z: r(j.z, 3), score: r(j.score, 3) }]] : [];
        }),
      )
    : undefined;
  return {
    tMs: pose.tMs,
    width: pose.width,
    height: pose.height,
    joints,
    ...(world ? { world } : {}),
    score: r(pose.score, 3),
    model: pose.model,
  };
}

mkdirSync(join(root, 'test-fixtures/replay'), { recursive: true });
for (const test of tests) {
  const MODEL = TEST_MODELS[test as keyof typeof TEST_MODELS];
  if (!MODEL) throw new Error(`unknown test ${test}`);
  const ROTATION = TEST_ROTATION[test as keyof typeof TEST_ROTATION];
  // As the app: the test's second look at a low-scored knee (TEST_KNEE_MASK) too.
  const estimator = await createNodeEstimator(MODEL, {
    smoothing: true,
    rotation: ROTATION,
    kneeMask: TEST_KNEE_MASK[test as keyof typeof TEST_KNEE_MASK],
  });
  try {
    const clipDir = clipArg ? resolve(clipArg) : join(root, 'test-fixtures/synth/clips', test);
    const clip = JSON.parse(readFileSync(join(clipDir, 'clip.json'), 'utf8')) as Clip;
    const images = new Map<number, RgbImage>();
    for (const k of new Set(clip.frames))
      images.set(k, await decodeImageFile(join(clipDir, clip.keyframes[k]!.file)));
    estimator.reset();
    const poses: (Pose | null)[] = [];
    let byMask = 0;
    const t0 = Date.now();
    for (const [i, k] of clip.frames.entries()) {
      const tensor = imageToTensor(images.get(k)!);
      try {
        const pose = await estimator.estimate(tensor, clip.truth.series[i]!.tMs);
        poses.push(pose ? compact(pose) : null);
        if (estimator instanceof KneeMaskEstimator && estimator.lastConfirmed.length) byMask++;
      } finally {
        tensor.dispose();
      }
    }
    const out = {
      format: test === 'squat' ? SQUAT_POSE_SEQUENCE_FORMAT : POSE_SEQUENCE_FORMAT,
      source:
        `${MODEL} (tfjs, wasm backend in Node, One Euro smoothing as in the app` +
        `${ROTATION ? `, frames turned ${ROTATION}° for the model and keypoints turned back` : ''}` +
        `${estimator instanceof KneeMaskEstimator ? ', a low-scored knee counted where the person mask confirms it' : ''}) run by scripts/record-replay.ts${lean ? ' --lean (no world keypoints)' : ''} over ` +
        `${clipArg ? `the rig clip of ${clip.body?.id ?? 'MakeHuman'} (clips.mjs --body, look ${JSON.stringify(clip.body ?? {})})` : `test-fixtures/synth/clips/${test} (goniocam render rig, CC0 MakeHuman body)`} at ${clip.fps} fps; ` +
        `joints kept: ${KEPT.join(', ')}`,
      model: MODEL,
      test,
      fps: clip.fps,
      truth: clip.truth,
      poses,
    };
    const path = outArg ? resolve(outArg) : join(root, 'test-fixtures/replay', `${test}.poses.json`);
    writeFileSync(path, compactJson(out) + '\n');
    const found = poses.filter(Boolean).length;
    console.log(
      `${test} (${MODEL}${ROTATION ? `, turned ${ROTATION}°` : ''}): ${found}/${poses.length} frames with a pose${estimator instanceof KneeMaskEstimator ? `, ${byMask} with a knee confirmed by the mask` : ''}, ${((Date.now() - t0) / 1000).toFixed(0)} s → ${path}`,
    );
  } finally {
    estimator.dispose();
  }
}

/** Pretty at the top, one line per array element (a pose per line). */
function compactJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return JSON.stringify(value);
    return `[\n${value.map((v) => `${indent} ${JSON.stringify(v)}`).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const inner = Object.entries(value).map(
      ([k, v]) => `${indent} ${JSON.stringify(k)}: ${compactJson(v, `${indent} `)}`,
    );
    return `{\n${inner.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
