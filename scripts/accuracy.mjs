#!/usr/bin/env node
// npm run accuracy [-- --set DIR [--set DIR2 …]] [-- --model M (default per-test)] [-- --method 3d-world] [-- --compare] [-- --json]
//   [-- --rotation 0|180 (default per-test: each test's camera view, prone 180)]
// Runs the goniocam CLI over a fixture set (goniocam-fixtures/1) and scores it against the truth, per test ×
// camera condition: cases, how many it measured, mean absolute error, 95th percentile and max error (degrees),
// and how often it refused a measurable case or measured one it should have refused. Sets rendered across bodies
// (cases with a `body`) are also scored per test over all bodies and per body × test (`perTest`, `perBody`), with
// the mean signed error and the slope of reading on truth (< 1: readings pulled toward neutral). Several --set
// are pooled into one table (more cases of the same bodies: the quoted figures of a few dozen cases a test are
// themselves uncertain; docs/accuracy.md).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const arg = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const setDirs = argv.flatMap((a, i) => (a === '--set' ? [resolve(argv[i + 1])] : []));
if (!setDirs.length) setDirs.push(join(root, 'test-fixtures/synth/ci'));
const model = arg('--model', 'per-test');
const rotation = arg('--rotation', 'per-test');
const json = argv.includes('--json');
const methods = argv.includes('--compare')
  ? ['2d-hip-line', '2d-trunk-axis', '2d-supine-trunk', '2d-prone-head-end', '3d-world']
  : [arg('--method', null)];

const report = { format: 'goniocam-accuracy/1', set: setDirs.join(' + '), model, rotation, runs: [] };

for (const method of methods) {
  // Every set's cases with the CLI's answer for each.
  const entries = setDirs.flatMap((setDir) => {
    const manifest = JSON.parse(readFileSync(join(setDir, 'manifest.json'), 'utf8'));
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
    return manifest.cases.map((c) => ({ c, r: byId.get(c.id) }));
  });
  const groups = new Map();
  const perTest = new Map();
  const perBody = new Map();
  for (const { c, r } of entries) {
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
    if (c.body?.id) {
      for (const [map, k] of [
        [perTest, c.test],
        [perBody, `${c.body.id} | ${c.test}`],
      ])
        score(map, k, c, r, truth, value, shouldMeasure);
    }
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
  report.runs.push({
    method: method ?? 'default',
    rows,
    ...(perTest.size ? { perTest: summarise(perTest), perBody: summarise(perBody) } : {}),
  });
}

if (json) console.log(JSON.stringify(report, null, 1));
else {
  console.log(`set ${setDirs.join(' + ')}\nmodel ${model}, frame rotation ${rotation}`);
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
    for (const [title, list] of [
      ['all bodies, per test', run.perTest],
      ['per body and test', run.perBody],
    ]) {
      if (!list) continue;
      console.log(`\n${title}\n`);
      console.log(
        '| body / test | cases | measured | MAE ° | P95 ° | max ° | mean signed ° | slope | refused (should measure) | measured (should refuse) |',
      );
      console.log('|---|---|---|---|---|---|---|---|---|---|');
      for (const r of list)
        console.log(
          `| ${r.key} | ${r.cases} | ${r.measured} | ${fmt(r.maeDeg)} | ${fmt(r.p95Deg)} | ${fmt(r.maxDeg)} | ${fmt(r.meanSignedDeg)} | ${r.slope ?? '—'} | ${r.refusedMeasurable} | ${r.measuredUnmeasurable} |`,
        );
    }
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

/** Add one case to a per-test / per-body tally. */
function score(map, key, c, r, truth, value, shouldMeasure) {
  const g = map.get(key) ?? {
    key,
    cases: 0,
    pairs: [],
    refused: 0,
    proper: 0,
    wrongMeasured: 0,
    wrong: 0,
    reasons: {},
  };
  map.set(key, g);
  g.cases++;
  if (shouldMeasure) {
    g.proper++;
    if (!r?.measurable) {
      g.refused++;
      g.reasons[r?.reason ?? 'no result'] = (g.reasons[r?.reason ?? 'no result'] ?? 0) + 1;
    } else if (typeof truth === 'number') g.pairs.push([truth, value]);
  } else {
    g.wrong++;
    if (r?.measurable) g.wrongMeasured++;
  }
}

function summarise(map) {
  return [...map.values()]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((g) => {
      const errors = g.pairs.map(([t, v]) => Math.abs(v - t));
      return {
        key: g.key,
        cases: g.cases,
        measured: errors.length,
        maeDeg: round(mean(errors)),
        p95Deg: round(pct(errors, 0.95)),
        maxDeg: round(errors.length ? Math.max(...errors) : NaN),
        meanSignedDeg: round(mean(g.pairs.map(([t, v]) => v - t))),
        slope: slope(g.pairs),
        refusedMeasurable: g.proper ? `${g.refused}/${g.proper}` : '—',
        measuredUnmeasurable: g.wrong ? `${g.wrongMeasured}/${g.wrong}` : '—',
        refusalReasons: g.reasons,
      };
    });
}

/** Least-squares slope of reading on truth (1 = no pull toward neutral), two decimals; null under 3 pairs. */
function slope(pairs) {
  if (pairs.length < 3) return null;
  const mt = mean(pairs.map(([t]) => t));
  const mv = mean(pairs.map(([, v]) => v));
  const sxy = pairs.reduce((a, [t, v]) => a + (t - mt) * (v - mv), 0);
  const sxx = pairs.reduce((a, [t]) => a + (t - mt) ** 2, 0);
  return sxx > 0 ? Math.round((sxy / sxx) * 100) / 100 : null;
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
