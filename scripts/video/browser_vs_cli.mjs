#!/usr/bin/env node
// node scripts/video/browser_vs_cli.mjs [--clip test-fixtures/video/seated.mp4] [--test seated] [--workers 2]
//   [--cli-json F --cli-frames F] [--no-build] [--json]
// The same clip through the app's recording analysis in headless Debian Chromium (WebCodecs → pose Workers →
// the test's pipeline) and through `goniocam analyze` (ffmpeg → the same estimator in Node → the same
// pipeline): each side and direction's result and trial peaks side by side with the clip's truth, and how far
// the per-frame angles differ. Not a test (a full analysis in each: minutes on 2 cores); figures go in
// docs/video-analysis.md. Builds into $GONIOCAM_DIST (default dist) and serves it on $E2E_PORT (default 4177).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium_flags.mjs';

const root = new URL('../..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const clip = resolve(root, arg('--clip', 'test-fixtures/video/seated.mp4'));
const test = arg('--test', 'seated');
const workers = Number(arg('--workers', '2'));
const PORT = Number(process.env.E2E_PORT ?? 4177);
const BASE = `http://127.0.0.1:${PORT}`;
const log = (...a) => console.error(...a);
const truthPath = clip.replace(/\.(mp4|webm|mov)$/, '.json');
const truth = existsSync(truthPath) ? JSON.parse(readFileSync(truthPath, 'utf8')) : null;

// --- the CLI (or its saved output) ---
let cliJson;
let cliFrames;
if (arg('--cli-json')) {
  cliJson = JSON.parse(readFileSync(arg('--cli-json'), 'utf8'));
  cliFrames = readFileSync(arg('--cli-frames'), 'utf8');
} else {
  const framesPath = `/tmp/browser_vs_cli.${process.pid}.frames.csv`;
  log(`CLI: goniocam analyze ${basename(clip)} --test ${test} …`);
  const r = spawnSync(
    process.execPath,
    [`${root}bin/goniocam.js`, 'analyze', clip, '--test', test, '--json', '--frames-csv', framesPath],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`goniocam analyze failed: ${r.stderr}`);
  cliJson = JSON.parse(r.stdout);
  cliFrames = readFileSync(framesPath, 'utf8');
}

// --- the browser ---
if (!argv.includes('--no-build')) {
  log('building the production bundle…');
  const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const server = spawn(
  'npx',
  ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
  { cwd: root, stdio: 'ignore', detached: true },
);
const stopServer = () => {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};
process.on('exit', stopServer);
for (let i = 0; i < 150; i++) {
  try {
    if ((await fetch(BASE)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}
const bytes = readFileSync(clip);
const type = clip.endsWith('.webm') ? 'video/webm' : 'video/mp4';
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
let web;
try {
  const page = await browser.newPage();
  await page.route('**/compare-clip', (r) => r.fulfill({ body: bytes, contentType: type }));
  await page.goto(`${BASE}/?videohooks&backend=wasm#/live`);
  await page.waitForFunction(() => '__goniocamRecording' in window);
  log(`browser: ${basename(clip)}, ${workers} worker(s) …`);
  web = await page.evaluate(
    async ({ name, type, test, workers }) => {
      const blob = await (await fetch('/compare-clip')).blob();
      const s = window.__goniocamRecording.session;
      await s.analyse(new File([blob], name, { type }), test, { workers });
      const a = s.analysis;
      if (!a) return { error: s.error ?? s.status };
      return {
        analysisS: s.timings?.analysisS ?? null,
        sides: a.kind === 'hip' ? a.outcome.result.sides : null,
        trials: a.kind === 'hip' ? a.trials.map((t) => ({ ...t, frames: undefined })) : null,
        frames: a.frames.map((f) => ({ tMs: f.tMs, left: f.legs.left.deg, right: f.legs.right.deg })),
      };
    },
    { name: basename(clip), type, test, workers },
  );
} finally {
  await browser.close();
  stopServer();
}
if (web.error) throw new Error(`the browser analysis failed: ${web.error}`);

// --- side by side ---
const round = (v, d = 1) => (v === null || v === undefined ? null : Math.round(v * 10 ** d) / 10 ** d);
const rows = [];
for (const s of cliJson.sides ?? [])
  for (const d of s.directions ?? []) {
    const w = web.sides?.[s.side]?.[d.direction];
    const webDeg = w?.valueDeg === null || w?.valueDeg === undefined ? null : Math.abs(w.valueDeg);
    const want = truth?.expected?.[s.side]?.[d.direction] ?? null;
    rows.push({
      side: s.side,
      direction: d.direction,
      truth: round(want, 2),
      browser: round(webDeg),
      cli: d.resultDeg,
      cliMinusBrowser: webDeg === null || d.resultDeg === null ? null : round(d.resultDeg - webDeg),
      browserTrials: (web.trials ?? [])
        .filter((t) => t.side === s.side && t.direction === d.direction)
        .map((t) => round(Math.abs(t.peakDeg))),
      cliTrials: d.trials.map((t) => t.peakDeg),
    });
  }

// Per-frame angles: the CLI's frames CSV against the browser's frames, matched by time.
const lines = cliFrames.trim().split(/\r?\n/);
const head = lines[0].split(',');
const col = (n) => head.indexOf(n);
const angleCol = (side) => head.findIndex((h) => h.startsWith(`${side}_`) && h.endsWith('_deg'));
const cliByT = new Map(
  lines.slice(1).map((l) => {
    const c = l.split(',');
    const num = (i) => (i < 0 || c[i] === '' ? null : Number(c[i]));
    return [
      Math.round(Number(c[col('t_ms')])),
      { left: num(angleCol('left')), right: num(angleCol('right')) },
    ];
  }),
);
const diffs = [];
let matched = 0;
for (const f of web.frames) {
  const c = cliByT.get(Math.round(f.tMs));
  if (!c) continue;
  matched++;
  for (const side of ['left', 'right'])
    if (c[side] !== null && f[side] !== null) diffs.push(Math.abs(c[side] - f[side]));
}
diffs.sort((a, b) => a - b);
const q = (p) =>
  diffs.length ? round(diffs[Math.min(diffs.length - 1, Math.floor(p * diffs.length))], 2) : null;
const report = {
  clip: clip.replace(root, ''),
  test,
  workers,
  date: new Date().toISOString(),
  load: (await import('node:os')).loadavg().map((x) => round(x, 2)),
  browserS: round(web.analysisS),
  cliS: cliJson.analysisS,
  results: rows,
  frames: {
    browser: web.frames.length,
    cli: lines.length - 1,
    matchedByTime: matched,
    legAnglesCompared: diffs.length,
    absDiffDeg: { median: q(0.5), p95: q(0.95), max: round(diffs.at(-1), 2) },
  },
};
if (argv.includes('--json')) console.log(JSON.stringify(report, null, 1));
else {
  console.log(
    `${report.clip} (${test}), browser ${workers} worker(s) ${report.browserS} s, CLI ${report.cliS} s`,
  );
  console.log('| side | direction | truth | browser | CLI | CLI − browser | browser trials | CLI trials |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.side} | ${r.direction} | ${r.truth ?? '–'} | ${r.browser ?? '–'} | ${r.cli ?? '–'} | ${r.cliMinusBrowser ?? '–'} | ${r.browserTrials.join(' ')} | ${r.cliTrials.join(' ')} |`,
    );
  console.log(
    `per-frame leg angles: ${diffs.length} compared over ${matched} frames matched by time; |CLI − browser| median ${report.frames.absDiffDeg.median}°, P95 ${report.frames.absDiffDeg.p95}°, max ${report.frames.absDiffDeg.max}°`,
  );
}
