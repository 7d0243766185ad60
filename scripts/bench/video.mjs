#!/usr/bin/env node
// node scripts/bench/video.mjs [--json] [--no-build] [--only movenet-lightning] [--workers 2] [--every 1,2,3]
//   [--clip FILE.mp4] [--no-cli]
// Recorded-video analysis speed in the built app, in headless Debian Chromium, in ONE run (npm run bench runs
// it after the live-camera figures): WebCodecs decode alone (mediabunny, frames scaled to the model's 640 px,
// no model), then for each model on tfjs wasm the whole analysis through the app's RecordingSession
// (decode → pose Workers → smoothing → the seated pipeline): frames/s, × real time, the model's own ms per
// frame, and pipeline/model (wall ms per frame × workers ÷ model ms: 1.0 = the workers never wait for a frame).
// Every model infers every frame; the seated test's own model is also run inferring every k-th frame (--every),
// for the "60 s seated clip in ≤ 30 s" goal, with the values it reads beside the truth so a change shows.
// Then `goniocam analyze` (Node, one thread) on the same clip with the seated model, unless --no-cli.
// The clip: the rig's whole seated test, its first 60 s at 30 fps, 640×480 H.264
// (`npm run fixtures:video -- --bench`, made here when missing). Not a test: the figures go in the docs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium_flags.mjs';

const root = new URL('../..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const json = argv.includes('--json');
const arg = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const WORKERS = arg('--workers', '2').split(',').map(Number);
/** Extra runs of the seated model inferring every k-th frame (every model runs every frame). */
const EVERY = arg('--every', '1,2,3').split(',').map(Number);
const SEATED_MODEL = 'blazepose-full'; // pipeline/test_setup.ts TEST_MODELS.seated
const MODELS = ['movenet-lightning', 'movenet-thunder', 'blazepose-lite', 'blazepose-full'].filter(
  (m) => !arg('--only') || arg('--only').split(',').includes(m),
);
const PORT = Number(process.env.BENCH_PORT ?? 4176);
const BASE = `http://127.0.0.1:${PORT}`;
const log = (...a) => (json ? console.error(...a) : console.log(...a));
const round = (v, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

const out = `${root}scripts/bench/out`;
mkdirSync(out, { recursive: true });
const clip = arg('--clip') ?? `${out}/seated-60s-30fps.mp4`;
if (!existsSync(clip)) {
  log('making the bench clip (npm run fixtures:video -- --bench)…');
  const r = spawnSync(process.execPath, [`${root}scripts/rig/recordings.mjs`, '--bench'], {
    cwd: root,
    stdio: ['ignore', json ? 2 : 'inherit', 'inherit'],
  });
  if (r.status !== 0 || !existsSync(clip)) throw new Error('could not make the bench clip');
}
const truthPath = clip.replace(/\.mp4$/, '.json');
const truth = existsSync(truthPath) ? JSON.parse(readFileSync(truthPath, 'utf8')).expected : null;
/** Each side and direction's result, positive degrees, as "side direction": value. */
const valuesOf = (sides) =>
  Object.fromEntries(
    Object.entries(sides ?? {}).flatMap(([side, dirs]) =>
      Object.entries(dirs ?? {}).map(([dir, r]) => [
        `${side} ${dir}`,
        r?.valueDeg === null || r?.valueDeg === undefined ? null : round(Math.abs(r.valueDeg)),
      ]),
    ),
  );

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
  // Functions, not strings: the app's Content-Security-Policy forbids eval in the page (Playwright's own
  // evaluate is not page script, so it may run these).
  const withFile = (fn, a) => page.evaluate(fn, a);

  log(`decode alone: ${clip}`);
  const d = await withFile(async () => {
    const blob = await (await fetch('/bench-clip.mp4')).blob();
    const f = new File([blob], 'bench-clip.mp4', { type: 'video/mp4' });
    const r = await window.__goniocamRecording.decodeAll(f);
    return { frames: r.tMs.length, lastMs: r.tMs.at(-1), decodeS: r.decodeS, info: r.info };
  });
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

  const runs = MODELS.flatMap((model) =>
    (model === SEATED_MODEL ? [...new Set([1, ...EVERY])] : [1]).map((every) => ({ model, every })),
  );
  for (const { model, every } of runs)
    for (const workers of WORKERS) {
      log(`${model}, ${workers} worker(s), every ${every}…`);
      const r = await withFile(
        async (a) => {
          const blob = await (await fetch('/bench-clip.mp4')).blob();
          const f = new File([blob], 'bench-clip.mp4', { type: 'video/mp4' });
          const s = window.__goniocamRecording.session;
          await s.analyse(f, 'seated', { model: a.model, workers: a.workers, every: a.every });
          return {
            status: s.status,
            error: s.error,
            frames: s.poses?.length ?? 0,
            found: s.poses?.filter((p) => p.pose).length ?? 0,
            durationS: s.analysis?.info.durationS ?? null,
            timings: s.timings,
            trials: s.analysis?.kind === 'hip' ? s.analysis.trials.length : null,
            sides: s.analysis?.kind === 'hip' ? s.analysis.outcome.result.sides : null,
          };
        },
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
        values: valuesOf(r.sides),
      });
      log(results.at(-1));
    }
} finally {
  await browser.close();
  stopServer();
}

// The CLI on the same clip with the seated model: Node, one estimator on one thread.
let cli = null;
if (!argv.includes('--no-cli')) {
  cli = [];
  for (const every of [...new Set([1, ...EVERY])].filter((k) => k > 1).slice(0, 1)) {
    log(`goniocam analyze, ${SEATED_MODEL}, every ${every}…`);
    const t0 = performance.now();
    const r = spawnSync(
      process.execPath,
      [`${root}bin/goniocam.js`, 'analyze', clip, '--test', 'seated', '--json', '--every', String(every)],
      { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    const wallS = (performance.now() - t0) / 1000;
    if (r.status !== 0) {
      cli.push({ every, error: r.stderr.trim().split('\n')[0] });
      continue;
    }
    const j = JSON.parse(r.stdout);
    const values = {};
    for (const s of j.sides)
      for (const d of s.directions ?? []) values[`${s.side} ${d.direction}`] = d.resultDeg;
    cli.push({
      model: j.model,
      every,
      frames: j.frames,
      analysisS: j.analysisS,
      wallS: round(wallS, 1),
      xRealTime: round(j.durationS / j.analysisS, 2),
      values,
    });
    log(cli.at(-1));
  }
}

const report = {
  format: 'goniocam-video-bench/1',
  date: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, browser: 'Debian Chromium (headless)' },
  load: (await import('node:os')).loadavg().map((x) => round(x, 2)),
  clip: clip.replace(root, ''),
  truth,
  decode,
  results,
  cli,
};
if (json) console.log(JSON.stringify(report, null, 2));
else {
  console.log(
    `\nDecode alone (WebCodecs via mediabunny, to 640 px): ${decode.frames} frames of ${decode.durationS} s in ${decode.decodeS} s = ${decode.fps} frames/s, ${decode.xRealTime}× real time`,
  );
  console.log(
    '\n| model | workers | every | frames | analysis s (load s) | frames/s | × real time | model ms | pipeline/model | values (truth) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const shown = (values) =>
    Object.entries(values ?? {})
      .map(([k, v]) => {
        const [side, dir] = k.split(' ');
        return `${k} ${v ?? '–'} (${truth?.[side]?.[dir] ?? '?'})`;
      })
      .join('; ');
  for (const r of results) {
    if (r.error) console.log(`| ${r.model} | ${r.workers} | ${r.every} | failed: ${r.error} ||||||`);
    else
      console.log(
        `| ${r.model} | ${r.workers} | ${r.every} | ${r.frames} | ${r.analysisS} (${r.loadS}) | ${r.fps} | ${r.xRealTime} | ${r.modelMs} | ${r.ratio.toFixed(3)} | ${shown(r.values)} |`,
      );
  }
  for (const c of cli ?? [])
    console.log(
      c.error
        ? `\ngoniocam analyze (Node), every ${c.every}: failed: ${c.error}`
        : `\ngoniocam analyze (Node, 1 thread), ${c.model}, every ${c.every}: ${c.frames} frames in ${c.analysisS} s = ${c.xRealTime}× real time; ${shown(c.values)}`,
    );
  console.log(`\nload average during the run: ${report.load.join(', ')} (${report.machine.cpus} CPUs)`);
}
