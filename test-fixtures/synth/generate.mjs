#!/usr/bin/env node
// npm run fixtures:synth -- --seed 1 --out test-fixtures/synth/ci --count 96 [--tests seated,prone,supine,squat] [--body a|b]
// Renders the rigged MakeHuman body in headless Chromium (three.js, SwiftShader WebGL) at known hip rotations and
// writes a fixture set in the goniocam-fixtures/1 format (../shared/FIXTURES.md). Deterministic for a seed.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { makeCases } from './cases.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH, SWIFTSHADER_ARGS } from '../../e2e/chromium_flags.mjs';

const root = resolve(new URL('../..', import.meta.url).pathname);
const argv = process.argv.slice(2);
const arg = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const seed = Number(arg('--seed', 1));
const out = resolve(root, arg('--out', 'test-fixtures/synth/ci'));
const count = Number(arg('--count', 96));
const tests = arg('--tests', 'seated,prone,supine,squat').split(',');
const bodyName = arg('--body', 'a');

const TYPES = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.glb': 'model/gltf-binary' };
const server = createServer((req, res) => {
  const path = join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!path.startsWith(root) || !existsSync(path)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, ...SWIFTSHADER_ARGS],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('rig page error:', e.message));
  await page.goto(`${base}/test-fixtures/synth/rig/rig.html`);
  await page.waitForFunction(() => window.rigReady === true, null, { timeout: 60_000 });
  mkdirSync(join(out, 'frames'), { recursive: true });
  const cases = makeCases({ seed, count, tests, body: bodyName });
  const manifest = {
    format: 'goniocam-fixtures/1',
    source:
      `goniocam render rig (test-fixtures/synth), seed ${seed}, body ${bodyName}: the MakeHuman body from Debian assimp-testmodels ` +
      '(CC0 MakeHuman export, rigged by shared/fixtures/makehuman-rigged/rig.py), posed in three.js and rendered in headless ' +
      'Chromium (SwiftShader). Truth = the rotation the rig applied and joint centres projected through the render camera.',
    cases: [],
  };
  const t0 = Date.now();
  for (const [i, c] of cases.entries()) {
    const r = await page.evaluate((spec) => window.renderCase(spec), c.spec);
    const file = `frames/${c.id}.png`;
    writeFileSync(join(out, file), Buffer.from(r.png, 'base64'));
    manifest.cases.push({
      id: c.id,
      file,
      test: c.spec.test,
      side: c.spec.side,
      truth: {
        hipRotationDeg: c.spec.test === 'squat' ? null : c.spec.thetaDeg,
        fppaDeg: c.spec.test === 'squat' ? round(fppa(r.joints2d, c.spec.side), 2) : null,
        joints2d: r.joints2d,
        joints3dM: r.joints3dM,
      },
      camera: {
        placement: c.spec.camera.placement,
        yawDeg: c.spec.camera.yawDeg,
        pitchDeg: c.spec.camera.pitchDeg,
        rollDeg: c.spec.camera.rollDeg,
        distanceM: c.spec.camera.distanceM,
        resolution: `${c.spec.width}x${c.spec.height}`,
      },
      expectMeasurable: c.expectMeasurable,
    });
    if ((i + 1) % 10 === 0) console.log(`${i + 1}/${cases.length} (${((Date.now() - t0) / (i + 1) / 1000).toFixed(1)} s/frame)`);
  }
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  console.log(`wrote ${cases.length} cases to ${out} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
} finally {
  await browser.close();
  server.close();
}

/** FPPA truth from the projected joint centres: 180° − hip–knee–ankle angle, + when the knee is medial. */
function fppa(j, side) {
  const o = side === 'left' ? 'right' : 'left';
  const [hip, knee, ankle, other] = [j[`${side}_hip`], j[`${side}_knee`], j[`${side}_ankle`], j[`${o}_hip`]];
  const t = [hip[0] - knee[0], hip[1] - knee[1]];
  const s = [ankle[0] - knee[0], ankle[1] - knee[1]];
  const cos = (t[0] * s[0] + t[1] * s[1]) / (Math.hypot(...t) * Math.hypot(...s));
  const mag = 180 - (Math.acos(Math.min(1, Math.max(-1, cos))) * 180) / Math.PI;
  const line = [ankle[0] - hip[0], ankle[1] - hip[1]];
  const crossTo = (p) => line[0] * (p[1] - hip[1]) - line[1] * (p[0] - hip[0]);
  return Math.sign(crossTo(knee)) === Math.sign(crossTo(other)) ? mag : -mag;
}

function round(x, d) {
  return Math.round(x * 10 ** d) / 10 ** d;
}
