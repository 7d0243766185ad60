#!/usr/bin/env node
// npm run accuracy [-- --set DIR] [-- --model M (default per-test)] [-- --method 3d-world] [-- --compare] [-- --json]
//   [-- --rotation 0|180 (default per-test: each test's camera view, prone 180)]
// Runs the goniocam CLI over a fixture set (goniocam-fixtures/1) and scores it against the truth, per test ×
// camera condition: cases, how many it measured, mean absolute error, 95th percentile and max error (degrees),
// and how often it refused a measurable case or measured one it should have refused.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const arg = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const setDir = resolve(arg('--set', join(root, 'test-fixtures/synth/ci')));
const model = arg('--model', 'per-test');
const rotation = arg('--rotation', 'per-test');
const json = argv.includes('--json');
const methods = argv.includes('--compare')
  ? ['2d-hip-line', '2d-trunk-axis', '2d-supine-trunk', '2d-prone-head-end', '3d-world']
  : [arg('--method', null)];

const manifest = JSON.parse(readFileSync(join(setDir, 'manifest.json'), 'utf8'));
const report = { format: 'goniocam-accuracy/1', set: setDir, model, rotation, runs: [] };

for (const method of methods) {
  const args = [
    join(root, 'bin/goniocam.js'),
    'measure',
    join(setDir, 'manifest.json'),
    '--json',
    '--model',
    model,
    '--rotation',
    rotation,
  ];
  if (method) args.push('--method', method);
  const out = JSON.parse(execFileSync('node', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  const byId = new Map(out.results.map((r) => [r.id, r]));
  const groups = new Map();
  for (const c of manifest.cases) {
    const r = byId.get(c.id);
    const cam = c.camera ?? {};
    const tilt = Math.max(...['yawDeg', 'pitchDeg', 'rollDeg'].map((k) => Math.abs(cam[k] ?? 0)));
    const envelope = tilt <= 10 ? 'cam ≤10°' : tilt <= 20 ? 'cam ≤20°' : 'cam >20°';
    const key = `${c.test} | ${cam.placement ?? 'unknown'} | ${envelope}`;
    const g = groups.get(key) ?? {
      test: c.test,
      placement: cam.placement ?? 'unknown',
      envelope,
      models: new Set(),
      cases: 0,
      errors: [],
      refusedMeasurable: 0,
      measurableCases: 0,
      measuredUnmeasurable: 0,
      unmeasurableCases: 0,
      reasons: {},
    };
    groups.set(key, g);
    g.cases++;
    if (r?.model) g.models.add(r.rotation ? `${r.model} (turned ${r.rotation}°)` : r.model);
    const truth = c.test === 'squat' || c.test === 'stand' ? c.truth?.fppaDeg : c.truth?.hipRotationDeg;
    const value = c.test === 'squat' || c.test === 'stand' ? r?.fppaDeg : r?.hipRotationDeg;
    const shouldMeasure = c.expectMeasurable !== false;
    if (shouldMeasure) {
      g.measurableCases++;
      if (!r?.measurable) {
        g.refusedMeasurable++;
        g.reasons[r?.reason ?? 'no result'] = (g.reasons[r?.reason ?? 'no result'] ?? 0) + 1;
      } else if (typeof truth === 'number') g.errors.push(Math.abs(value - truth));
    } else {
      g.unmeasurableCases++;
      if (r?.measurable) g.measuredUnmeasurable++;
    }
  }
  const rows = [...groups.values()]
    .sort((a, b) => (a.test + a.placement + a.envelope).localeCompare(b.test + b.placement + b.envelope))
    .map((g) => ({
      test: g.test,
      placement: g.placement,
      envelope: g.envelope,
      model: [...g.models].join(', '),
      cases: g.cases,
      measured: g.errors.length,
      maeDeg: round(mean(g.errors)),
      p95Deg: round(pct(g.errors, 0.95)),
      maxDeg: round(g.errors.length ? Math.max(...g.errors) : NaN),
      refusedMeasurable: g.measurableCases ? `${g.refusedMeasurable}/${g.measurableCases}` : '—',
      measuredUnmeasurable: g.unmeasurableCases ? `${g.measuredUnmeasurable}/${g.unmeasurableCases}` : '—',
      refusalReasons: g.reasons,
    }));
  report.runs.push({ method: method ?? 'default', rows });
}

if (json) console.log(JSON.stringify(report, null, 1));
else {
  console.log(`set ${setDir}\nmodel ${model}, frame rotation ${rotation}`);
  for (const run of report.runs) {
    console.log(`\nmethod: ${run.method}\n`);
    console.log(
      '| test | camera placement | camera yaw/pitch/roll | model | cases | measured | MAE ° | P95 ° | max ° | refused (should measure) | measured (should refuse) |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of run.rows)
      console.log(
        `| ${r.test} | ${r.placement} | ${r.envelope} | ${r.model} | ${r.cases} | ${r.measured} | ${fmt(r.maeDeg)} | ${fmt(r.p95Deg)} | ${fmt(r.maxDeg)} | ${r.refusedMeasurable} | ${r.measuredUnmeasurable} |`,
      );
    const reasons = {};
    for (const r of run.rows)
      for (const [k, n] of Object.entries(r.refusalReasons)) reasons[k] = (reasons[k] ?? 0) + n;
    if (Object.keys(reasons).length)
      console.log(
        `\nrefusals of measurable cases: ${Object.entries(reasons)
          .map(([k, n]) => `${n}× "${k}"`)
          .join('; ')}`,
      );
  }
}

function mean(xs) {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}
function pct(xs, p) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
}
function round(x) {
  return Number.isFinite(x) ? Math.round(x * 10) / 10 : null;
}
function fmt(x) {
  return x === null ? '—' : x.toFixed(1);
}
