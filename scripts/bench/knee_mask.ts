// npx tsx scripts/bench/knee_mask.ts [--json] [--rounds N]   (npm run bench runs it)
// What the supine test's second look costs per frame (pose/knee_mask_estimator.ts), measured in ONE run in Node
// (tfjs wasm, one thread), rounds interleaved so machine noise falls on both alike: MoveNet Thunder alone on a
// frame whose knee it scores too low (test-fixtures/knee-mask/, a first look: tracking reset), the same frame with
// the mask (BlazePose full with segmentation runs too), and a frame whose knees score well
// (test-fixtures/synth/ci, 014) with the mask on, which should cost nothing more. Medians in ms, and ratios.
import { performance } from 'node:perf_hooks';
import { createNodeEstimator } from '../../src/lib/pose/node/create_node_estimator';
import { decodeImageFile, imageToTensor } from '../../src/lib/pose/node/decode_image';
import { KneeMaskEstimator } from '../../src/lib/pose/knee_mask_estimator';
import type { PoseEstimator } from '../../src/lib/pose/estimator';

const root = new URL('../../', import.meta.url).pathname;
const argv = process.argv.slice(2);
const json = argv.includes('--json');
const rounds = argv.includes('--rounds') ? Number(argv[argv.indexOf('--rounds') + 1]) : 15;
const low = await decodeImageFile(`${root}test-fixtures/knee-mask/supine-hands-knee-low.png`);
const fine = await decodeImageFile(
  `${root}test-fixtures/synth/ci/frames/014-supine-left-IR32-supine-overhead.png`,
);
const plain = await createNodeEstimator('movenet-thunder', { smoothing: false });
const masked = await createNodeEstimator('movenet-thunder', { smoothing: false, kneeMask: true });
if (!(masked instanceof KneeMaskEstimator)) throw new Error('kneeMask: true made no KneeMaskEstimator');

async function once(e: PoseEstimator, img: typeof low): Promise<number> {
  const t = imageToTensor(img);
  try {
    e.reset();
    const t0 = performance.now();
    await e.estimate(t, 0);
    return performance.now() - t0;
  } finally {
    t.dispose();
  }
}
// Warm-up: the models load and compile, and the mask model is made on its first need.
for (let i = 0; i < 3; i++) {
  await once(plain, low);
  await once(masked, low);
  await once(masked, fine);
}
const times = { plainLow: [] as number[], maskLow: [] as number[], maskFine: [] as number[] };
let confirmed = 0;
for (let i = 0; i < rounds; i++) {
  times.plainLow.push(await once(plain, low));
  times.maskLow.push(await once(masked, low));
  if (masked.lastConfirmed.length) confirmed++;
  times.maskFine.push(await once(masked, fine));
  if (masked.lastConfirmed.length) throw new Error('the well-scored frame asked the mask');
}
plain.dispose();
masked.dispose();
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const m = {
  plainLow: median(times.plainLow),
  maskLow: median(times.maskLow),
  maskFine: median(times.maskFine),
};
const report = {
  rounds,
  confirmed,
  plainLowMs: Math.round(m.plainLow),
  maskLowMs: Math.round(m.maskLow),
  maskFineMs: Math.round(m.maskFine),
  lowRatio: Math.round((m.maskLow / m.plainLow) * 100) / 100,
};
if (json) console.log(JSON.stringify(report));
else
  console.log(
    `Supine knee mask (Node, wasm, ${rounds} interleaved rounds, medians): MoveNet Thunder alone ${report.plainLowMs} ms on a frame with a low-scored knee; with the mask ${report.maskLowMs} ms (${report.lowRatio}×, knee confirmed ${confirmed}/${rounds}); a frame whose knees score well, mask on: ${report.maskFineMs} ms`,
  );
