#!/usr/bin/env node
// node scripts/bench/video.mjs [--json] [--no-build] [--seconds 60] [--only movenet-lightning] [--workers 2]
//   [--every 1,2,3] [--clip FILE.mp4]
// Recorded-video analysis speed in the built app, in headless Debian Chromium, in ONE run: WebCodecs decode
// alone (mediabunny, frames scaled to the model's 640 px, no model), then for each model on tfjs wasm the
// whole analysis through the app's RecordingSession (decode → pose Workers → smoothing → analyseRecording):
// frames/s, × real time, the model's own ms per frame, and pipeline/model (wall ms per frame × workers ÷
// model ms: 1.0 = the workers never wait for a frame). The clip: a 30 fps 640×480 H.264 clip of the rig's
// seated trial clip (made here with ffmpeg unless --clip is given). Not a test: numbers go in the README.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium_flags.mjs';

const root = new URL('../..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const json = argv.includes('--json');
const arg = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const SECONDS = Number(arg('--seconds', 60));
const WORKERS = arg('--workers', '2').split(',').map(Number);
const EVERY = arg('--every', '1').split(',').map(Number);
const MODELS = ['movenet-lightning', 'movenet-thunder', 'blazepose-lite', 'blazepose-full'].filter(
  (m) => !arg('--only') || arg('--only').split(',').includes(m),
);
const PORT = 4176;
const BASE = `http://127.0.0.1:${PORT}`;
const log = (...a) => (json ? console.error(...a) : console.log(...a));
const round = (v, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

const out = `${root}scripts/bench/out`;
mkdirSync(out, { recursive: true });
const clip = arg('--clip') ?? `${out}/seated${SECONDS}s-30fps-640x480.mp4`;
if (!existsSync(clip)) makeSeatedClip(clip, SECONDS);

if (!argv.includes('--no-build')) {
  log('building the production bundle…');
  const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

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

const bytes = readFileSync(clip);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
const results = [];
let decode = null;
try {
  const page = await browser.newPage();
  // The clip is handed to the page as a File, as a person's drop would be (routed, never served from disk).
  await page.route('**/bench-clip.mp4', (r) => r.fulfill({ body: bytes, contentType: 'video/mp4' }));
  await page.goto(`${BASE}/?videohooks#/live`);
  await page.waitForFunction(() => '__goniocamRecording' in window);
  const inPage = (fn, a) =>
    page.evaluate(
      async ({ fn, a }) => {
        const blob = await (await fetch('/bench-clip.mp4')).blob();
        const file = new File([blob], 'bench-clip.mp4', { type: 'video/mp4' });
        return new Function('h', 'file', 'a', `return (${fn})(h, file, a)`)(
          window.__goniocamRecording,
          file,
          a,
        );
      },
      { fn, a },
    );

  log(`decode alone: ${clip}`);
  const d = await inPage(
    'async (h, f) => { const r = await h.decodeAll(f); return { frames: r.tMs.length, lastMs: r.tMs.at(-1), decodeS: r.decodeS, info: r.info }; }',
  );
  const durationS = d.info.durationS ?? (d.lastMs + 1000 / 30) / 1000;
  decode = {
    frames: d.frames,
    durationS: round(durationS, 2),
    decodeS: round(d.decodeS, 2),
    fps: round(d.frames / d.decodeS),
    xRealTime: round(durationS / d.decodeS, 2),
    size: `${d.info.width}x${d.info.height}`,
    codec: d.info.codec,
  };
  log(decode);

  for (const model of MODELS)
    for (const workers of WORKERS)
      for (const every of EVERY) {
        log(`${model}, ${workers} worker(s), every ${every}…`);
        const r = await inPage(
          `async (h, f, a) => {
            const s = h.session;
            await s.analyse(f, 'seated', { model: a.model, workers: a.workers, every: a.every });
            return { status: s.status, error: s.error, frames: s.poses?.length ?? 0, found: s.poses?.filter((p) => p.pose).length ?? 0,
              durationS: s.analysis?.info.durationS ?? null, timings: s.timings, trials: s.analysis?.kind === 'hip' ? s.analysis.trials.length : null };
          }`,
          { model, workers, every },
        );
        if (r.status !== 'done') {
          results.push({ model, workers, every, error: r.error ?? r.status });
          continue;
        }
        const t = r.timings;
        const inferS = t.analysisS - t.loadS;
        const pipelineMs = (inferS * 1000 * workers) / r.frames;
        results.push({
          model,
          backend: 'wasm',
          workers,
          every,
          frames: r.frames,
          posesFound: r.found,
          trialsFound: r.trials,
          clipS: round(durationS, 2),
          analysisS: round(t.analysisS, 2),
          loadS: round(t.loadS, 2),
          fps: round(r.frames / inferS),
          xRealTime: round(durationS / t.analysisS, 2),
          xRealTimeAfterLoad: round(durationS / inferS, 2),
          modelMs: round(t.modelMsMedian),
          pipelineMs: round(pipelineMs),
          ratio: round(pipelineMs / t.modelMsMedian, 3),
        });
        log(results.at(-1));
      }
} finally {
  await browser.close();
  stopServer();
}

const report = {
  format: 'goniocam-video-bench/1',
  date: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, browser: 'Debian Chromium (headless)' },
  clip: clip.replace(root, ''),
  decode,
  results,
};
if (json) console.log(JSON.stringify(report, null, 2));
else {
  console.log(
    `\nDecode alone (WebCodecs via mediabunny, to 640 px): ${decode.frames} frames of ${decode.durationS} s in ${decode.decodeS} s = ${decode.fps} frames/s, ${decode.xRealTime}× real time`,
  );
  console.log(
    '\n| model | workers | every | frames | analysis s (load s) | frames/s | × real time | model ms | pipeline/model |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    if (r.error) console.log(`| ${r.model} | ${r.workers} | ${r.every} | failed: ${r.error} |||||`);
    else
      console.log(
        `| ${r.model} | ${r.workers} | ${r.every} | ${r.frames} | ${r.analysisS} (${r.loadS}) | ${r.fps} | ${r.xRealTime} | ${r.modelMs} | ${r.ratio.toFixed(3)} |`,
      );
  }
}

/** A 30 fps 640×480 H.264 clip of the rig's seated trial clip (its 10 fps poses, each held 3 frames). */
function makeSeatedClip(path, seconds) {
  const dir = `${root}test-fixtures/synth/clips/seated`;
  const c = JSON.parse(readFileSync(`${dir}/clip.json`, 'utf8'));
  const n = Math.min(c.frames.length, Math.round(seconds * c.fps));
  const list = c.frames
    .slice(0, n)
    .map((k) => `file '${dir}/${c.keyframes[k].file}'\nduration ${1 / c.fps}`)
    .join('\n');
  writeFileSync(`${out}/seated.concat`, `ffconcat version 1.0\n${list}\n`);
  const r = spawnSync(
    'ffmpeg',
    [
      ...['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', `${out}/seated.concat`],
      ...['-vf', 'scale=640:480,setsar=1,fps=30,format=yuv420p', '-t', String(seconds)],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', path],
    ],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error('ffmpeg could not make the bench clip (is ffmpeg on PATH?)');
}
