#!/usr/bin/env node
// npm run bench [-- --json] [-- --frames N] [-- --only movenet-lightning/wasm] [-- --rotation 180]
// Measures in ONE run, in headless Debian Chromium on this machine, for each model × backend that works:
// the raw model inference time per frame (the detector call), the full per-frame pipeline time
// (frame callback → pose → smoothing → overlay drawn), their ratio, cold start to first pose, and the
// production bundle's initial JS size (gzip); then recorded-video analysis (video.mjs: decode alone, each
// model's frames/s and × real time on a 60 s 30 fps 640×480 seated clip, the seated model inferring every
// k-th frame, and goniocam analyze in Node), and what the supine test's person-mask second look costs a frame
// (knee_mask.ts, Node). --no-video skips the video part (it takes several minutes).
// Not a test: numbers go in the README with this command.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { stillClip } from '../y4m.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH, SWIFTSHADER_ARGS } from '../chromium_flags.mjs';
import { initialJsSize } from './bundle_size.mjs';

const root = new URL('../..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const json = argv.includes('--json');
const arg = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const FRAMES = Number(arg('--frames', 60));
/** --rotation 180: frames turned for the model (the prone view); the turn's own time is reported as turn ms. */
const ROTATION = Number(arg('--rotation', 0));
const WARMUP = 10;
const PORT = 4175;
const BASE = `http://127.0.0.1:${PORT}`;
const log = (...a) => (json ? console.error(...a) : console.log(...a));

const CONFIGS = [
  { model: 'movenet-lightning', backend: 'wasm' },
  { model: 'movenet-thunder', backend: 'wasm' },
  { model: 'blazepose-lite', backend: 'wasm' },
  { model: 'blazepose-full', backend: 'wasm' },
  { model: 'movenet-lightning', backend: 'webgl', gl: true, frames: 20 },
  { model: 'mediapipe-full', backend: 'auto', gl: true, frames: 15 },
].filter((c) => !arg('--only') || `${c.model}/${c.backend}` === arg('--only'));

const ARGS = [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];
const GL_ARGS = SWIFTSHADER_ARGS;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

if (!argv.includes('--no-build')) {
  log('building the production bundle…');
  const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
mkdirSync(`${root}scripts/bench/out`, { recursive: true });
const clip = await stillClip(`${root}test-fixtures/e2e/lunge.jpg`, `${root}scripts/bench/out/lunge30.y4m`, {
  width: 640,
  height: 480,
  fps: 30,
  frames: 30,
});

const server = spawn(
  'npx',
  ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
  {
    cwd: root,
    stdio: 'ignore',
    detached: true,
  },
);
const stopServer = () => {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};
process.on('exit', stopServer);
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(BASE)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}

const results = [];
for (const cfg of CONFIGS) {
  const want = WARMUP + (cfg.frames ?? FRAMES);
  log(`${cfg.model} / ${cfg.backend}: ${want} frames…`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...ARGS, `--use-file-for-fake-video-capture=${clip}`, ...(cfg.gl ? GL_ARGS : [])],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(
      `${BASE}/?bench&autostart=camera&model=${cfg.model}&backend=${cfg.backend}${ROTATION ? `&rotation=${ROTATION}` : ''}#/live`,
    );
    await page.waitForFunction((n) => (window.__goniocamBench?.frames.length ?? 0) >= n, want, {
      timeout: 300_000,
      polling: 250,
    });
    const data = await page.evaluate(() => window.__goniocamBench);
    const frames = data.frames.slice(WARMUP, want);
    const modelMs = median(frames.map((f) => f.modelMs));
    const pipelineMs = median(frames.map((f) => f.pipelineMs));
    const turnMs = median(frames.map((f) => f.turnMs ?? 0));
    results.push({
      model: cfg.model,
      rotation: ROTATION,
      backend: data.backend,
      backendReason: data.backendReason,
      frames: frames.length,
      modelMs: round(modelMs),
      pipelineMs: round(pipelineMs),
      turnMs: round(turnMs, 2),
      ratio: round(pipelineMs / modelMs, 3),
      meanRatio: round(frames.reduce((s, f) => s + f.pipelineMs / f.modelMs, 0) / frames.length, 3),
      coldStartMs: Math.round(data.coldStartMs),
    });
  } catch (err) {
    results.push({ model: cfg.model, backend: cfg.backend, error: String(err).split('\n')[0] });
  } finally {
    await browser.close();
  }
}
stopServer();

// Recorded video, in the same run: its own script (own server on its own port), the same build.
let video = null;
if (!argv.includes('--no-video') && !arg('--only')) {
  log('recorded-video analysis (scripts/bench/video.mjs)…');
  const v = spawnSync(process.execPath, [`${root}scripts/bench/video.mjs`, '--no-build', '--json'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  video = v.status === 0 ? JSON.parse(v.stdout) : { error: `video.mjs exited ${v.status}` };
}

// The supine test's second look (the person mask on a low-scored knee): its cost per frame, in Node, same run.
let kneeMask = null;
if (!arg('--only')) {
  log('supine knee mask (scripts/bench/knee_mask.ts)…');
  const k = spawnSync('npx', ['tsx', `${root}scripts/bench/knee_mask.ts`, '--json'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  kneeMask =
    k.status === 0
      ? JSON.parse(k.stdout.trim().split('\n').pop())
      : { error: `knee_mask.ts exited ${k.status}` };
}

const bundle = initialJsSize(`${root}${process.env.GONIOCAM_DIST ?? 'dist'}`);
const report = {
  format: 'goniocam-bench/1',
  date: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, browser: 'Debian Chromium (headless)' },
  frameSize: '640x480',
  results,
  bundle: { initialJsBytes: bundle.bytes, initialJsGzipBytes: bundle.gzipBytes, files: bundle.files },
  kneeMask,
  video,
};

if (json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(
    `\n| model | backend | model ms (median) | pipeline ms (median) | pipeline/model | cold start to first pose |${ROTATION ? ` turn ${ROTATION}° ms (median) |` : ''}`,
  );
  console.log(`|---|---|---|---|---|---|${ROTATION ? '---|' : ''}`);
  for (const r of results) {
    if (r.error) console.log(`| ${r.model} | ${r.backend} | — | — | — | failed: ${r.error} |`);
    else
      console.log(
        `| ${r.model} | ${r.backend} | ${r.modelMs} | ${r.pipelineMs} | ${r.ratio.toFixed(3)} | ${(r.coldStartMs / 1000).toFixed(1)} s |${ROTATION ? ` ${r.turnMs} |` : ''}`,
      );
  }
  console.log(
    `\nInitial JS (index.html entry + modulepreloads): ${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzip (${(bundle.bytes / 1024).toFixed(1)} KiB raw)`,
  );
  if (kneeMask?.error) console.log(`\nSupine knee mask: ${kneeMask.error}`);
  else if (kneeMask)
    console.log(
      `\nSupine knee mask (Node, wasm, ${kneeMask.rounds} interleaved rounds, medians): MoveNet Thunder alone ${kneeMask.plainLowMs} ms on a frame with a low-scored knee, with the mask ${kneeMask.maskLowMs} ms (${kneeMask.lowRatio}×, confirmed ${kneeMask.confirmed}/${kneeMask.rounds}); a frame whose knees score well, mask on: ${kneeMask.maskFineMs} ms`,
    );
  if (video?.error) console.log(`\nRecorded video: ${video.error}`);
  else if (video) printVideo(video);
}

/** The recorded-video figures (video.mjs's report) as tables. */
function printVideo(v) {
  const d = v.decode;
  console.log(
    `\nRecorded video, ${v.clip} (${d.size}, ${d.codec}): decode alone (WebCodecs, to 640 px) ${d.frames} frames of ${d.durationS} s in ${d.decodeS} s = ${d.fps} frames/s, ${d.xRealTime}× real time`,
  );
  console.log(
    '\n| model | workers | every | frames | analysis s | frames/s | × real time | model ms | pipeline/model |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of v.results)
    console.log(
      r.error
        ? `| ${r.model} | ${r.workers} | ${r.every} | failed: ${r.error} ||||||`
        : `| ${r.model} | ${r.workers} | ${r.every} | ${r.frames} | ${r.analysisS} | ${r.fps} | ${r.xRealTime} | ${r.modelMs} | ${r.ratio.toFixed(3)} |`,
    );
  for (const c of v.cli ?? [])
    if (!c.error)
      console.log(
        `goniocam analyze (Node, 1 thread), ${c.model}, every ${c.every}: ${c.frames} frames in ${c.analysisS} s, ${c.xRealTime}× real time`,
      );
}

function round(v, d = 1) {
  return Math.round(v * 10 ** d) / 10 ** d;
}
