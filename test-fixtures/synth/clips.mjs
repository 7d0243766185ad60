#!/usr/bin/env node
// npm run fixtures:clips [-- --out test-fixtures/synth/clips] [-- --size 480x360] [-- --tests seated,supine,prone]
// Renders one guided-test clip per test with the render rig: a fixed camera, one body and outfit, the tested leg
// following clip_timeline.mjs (neutral, turn to the end of range, hold, back; 3 IR then 3 ER trials per side,
// right first). Writes only the distinct poses as PNG keyframes plus clip.json, which says which keyframe each
// frame shows at `fps` and carries the truth (series and per-trial peaks). e2e/y4m.mjs turns a clip into a
// fake-camera y4m at test time; scripts/record-replay.mjs runs the pose model over it.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CLIP_FORMAT, buildSchedule, sampleClip } from './clip_timeline.mjs';
import { openRig, REPO_ROOT, rigSource } from './rig_session.mjs';

const argv = process.argv.slice(2);
const arg = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const out = resolve(REPO_ROOT, arg('--out', 'test-fixtures/synth/clips'));
const [width, height] = arg('--size', '480x360').split('x').map(Number);
const tests = arg('--tests', 'seated,supine,prone').split(',');
/** The rate clip.json lists frames and truth at (y4m.mjs resamples the timeline at any other). */
const MANIFEST_FPS = 10;

const PLACEMENT = { seated: 'seated-front', supine: 'supine-overhead', prone: 'prone-foot-end' };
/** A phone on a stand, set up a little off: the same for every clip. */
const CAMERA = { yawDeg: 4, pitchDeg: -3, rollDeg: 1, distanceM: 2.5, fovDeg: 45 };
const OUTFIT = { skin: [0.78, 0.57, 0.44], shirt: [0.15, 0.5, 0.25], shorts: [0.1, 0.2, 0.7], feet: [0.95, 0.95, 0.95] };
const SCENE = {
  background: [0.85, 0.85, 0.82],
  floor: [0.6, 0.45, 0.3],
  furniture: [0.35, 0.25, 0.18],
  ambient: 1.3,
  sun: 2,
  sunDir: [1, 3, 2],
};

const rig = await openRig();
try {
  for (const test of tests) {
    if (!PLACEMENT[test]) throw new Error(`unknown test "${test}" (seated, supine, prone)`);
    const dir = join(out, test);
    rmSync(dir, { recursive: true, force: true }); // a clip is one render: no keyframes left from an older one
    mkdirSync(dir, { recursive: true });
    const schedule = buildSchedule();
    const camera = { placement: PLACEMENT[test], ...CAMERA };
    const byHash = new Map(); // identical renders (seated neutral, either side) share one file
    const keyframes = [];
    for (const k of schedule.keyframes) {
      const spec = { test, side: k.side, thetaDeg: k.hipRotationDeg, bodyScale: 1, width, height, camera, outfit: OUTFIT, scene: SCENE };
      const r = await rig.render(spec);
      const hash = createHash('sha1').update(r.png).digest('hex');
      const dirTag = k.hipRotationDeg === 0 ? 'N' : `${k.hipRotationDeg > 0 ? 'IR' : 'ER'}${Math.abs(k.hipRotationDeg)}`;
      const file = byHash.get(hash) ?? `${k.side}-${dirTag}.png`;
      if (!byHash.has(hash)) writeFileSync(join(dir, file), r.png);
      byHash.set(hash, file);
      keyframes.push({ file, side: k.side, hipRotationDeg: k.hipRotationDeg, joints2d: r.joints2d });
    }
    const { frames, series } = sampleClip(schedule, MANIFEST_FPS);
    const clip = {
      format: CLIP_FORMAT,
      source: rigSource(`trial clip for the ${test} test, body a`),
      test,
      width,
      height,
      camera,
      durationMs: schedule.durationMs,
      keyframes,
      timeline: schedule.timeline,
      fps: MANIFEST_FPS,
      frames,
      truth: { series, trials: schedule.trials },
    };
    writeFileSync(join(dir, 'clip.json'), compactJson(clip) + '\n');
    console.log(`${test}: ${keyframes.length} keyframes (${byHash.size} files), ${frames.length} frames at ${MANIFEST_FPS} fps, ${(schedule.durationMs / 1000).toFixed(1)} s → ${dir}`);
  }
} finally {
  await rig.close();
}

/** Pretty at the top, one line per array element: readable diffs without a line per number. */
function compactJson(value, indent = '') {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return JSON.stringify(value);
    return `[\n${value.map((v) => `${indent} ${JSON.stringify(v)}`).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const inner = Object.entries(value).map(([k, v]) => `${indent} ${JSON.stringify(k)}: ${compactJson(v, `${indent} `)}`);
    return `{\n${inner.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
