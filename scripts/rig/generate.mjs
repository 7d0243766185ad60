#!/usr/bin/env node
// npm run fixtures:synth -- --seed 1 --out test-fixtures/synth/ci --count 96 [--tests seated,prone,supine,squat] [--body a|b]
//   [--bodies dev|report|id,id,…]   (many bodies: the groups in cases.mjs; the others are read from ../shared)
//   [--prone-placement prone-head-end] [--prone-tilt 30]   (exploration: another prone camera; other cases unchanged)
//   [--deep-squat]   (squat cases become deep overhead squats, portrait, camera 10–20° off square: cases.mjs)
//   [--hands-on-leg]   (supine cases hold the tested knee and shin with both hands; other cases unchanged)
//   [--other-leg-aside]   (seated cases with the untested knee out to the side, as the app asks; others unchanged)
// Renders the rigged MakeHuman body in headless Chromium (three.js, SwiftShader WebGL) at known hip rotations and
// writes a fixture set in the goniocam-fixtures/1 format (../shared/FIXTURES.md). Deterministic for a seed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BODY_GROUPS, makeCases } from './cases.mjs';
import { openRig, REPO_ROOT as root, rigSource } from './rig_session.mjs';
import { fppaFromJoints } from './squat_clip_timeline.mjs';

const argv = process.argv.slice(2);
const arg = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const seed = Number(arg('--seed', 1));
const out = resolve(root, arg('--out', 'test-fixtures/synth/ci'));
const count = Number(arg('--count', 96));
const tests = arg('--tests', 'seated,prone,supine,squat').split(',');
const bodyName = arg('--body', 'a');
// --bodies dev|report|id,id,…: many bodies (rig page/bodies.mjs), each taking every test in turn.
const bodiesArg = arg('--bodies', null);
const bodies = bodiesArg ? (BODY_GROUPS[bodiesArg] ?? bodiesArg.split(',')) : undefined;
const pronePlacement = arg('--prone-placement', null);
const proneTilt = arg('--prone-tilt', null);
const prone = {
  ...(pronePlacement ? { placement: pronePlacement } : {}),
  ...(proneTilt !== null ? { tiltDeg: Number(proneTilt) } : {}),
};

const deepSquat = argv.includes('--deep-squat');
const handsOnLeg = argv.includes('--hands-on-leg');
const otherLegAside = argv.includes('--other-leg-aside');

const rig = await openRig();
try {
  mkdirSync(join(out, 'frames'), { recursive: true });
  const cases = makeCases({
    seed,
    count,
    tests,
    body: bodyName,
    prone,
    bodies,
    deepSquat,
    handsOnLeg,
    otherLegAside,
  });
  const manifest = {
    format: 'goniocam-fixtures/1',
    source: bodies
      ? `goniocam render rig (scripts/rig), seed ${seed}, bodies ${bodiesArg}: ${bodies.join(', ')} ` +
        '(test-fixtures/synth/assets/README.md: sources and licences), each with its own build, skin, hair and ' +
        'clothing colours, posed in three.js and rendered in headless Chromium (SwiftShader). Truth = the rotation ' +
        'the rig applied and joint centres projected through the render camera.'
      : rigSource(`seed ${seed}, body ${bodyName}`),
    cases: [],
  };
  const t0 = Date.now();
  for (const [i, c] of cases.entries()) {
    const r = await rig.render(c.spec);
    const file = `frames/${c.id}.png`;
    writeFileSync(join(out, file), r.png);
    manifest.cases.push({
      id: c.id,
      file,
      test: c.spec.test,
      side: c.spec.side,
      ...(c.spec.body
        ? {
            body: {
              id: c.spec.body,
              scale: c.spec.bodyScale,
              ...c.spec.build,
              ...(c.spec.arms
                ? { arms: c.spec.arms }
                : c.spec.handsOnLeg
                  ? {}
                  : { armsDownDeg: c.spec.armsDownDeg }),
            },
          }
        : {}),
      ...(c.spec.otherLeg ? { otherLeg: c.spec.otherLeg } : {}),
      // The hands' grip and how far the trunk curled up to reach (the arms are posed from these, not drawn).
      ...(r.trunkCurlDeg !== undefined
        ? { handsOnLeg: { ...c.spec.handsOnLeg, trunkCurlDeg: r.trunkCurlDeg } }
        : {}),
      truth: {
        hipRotationDeg: c.spec.test === 'squat' ? null : c.spec.thetaDeg,
        fppaDeg: c.spec.test === 'squat' ? round(fppaFromJoints(r.joints2d, c.spec.side), 2) : null,
        joints2d: r.joints2d,
        joints3dM: r.joints3dM,
        ...(c.spec.deepSquat ? { squat: c.spec.squat, jointsBodyM: r.jointsBodyM } : {}),
      },
      camera: {
        placement: c.spec.camera.placement,
        yawDeg: c.spec.camera.yawDeg,
        pitchDeg: c.spec.camera.pitchDeg,
        rollDeg: c.spec.camera.rollDeg,
        distanceM: c.spec.camera.distanceM,
        ...(c.spec.camera.tiltDeg !== undefined ? { tiltDeg: c.spec.camera.tiltDeg } : {}),
        resolution: `${c.spec.width}x${c.spec.height}`,
      },
      expectMeasurable: c.expectMeasurable,
    });
    if ((i + 1) % 10 === 0)
      console.log(`${i + 1}/${cases.length} (${((Date.now() - t0) / (i + 1) / 1000).toFixed(1)} s/frame)`);
  }
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  console.log(`wrote ${cases.length} cases to ${out} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
} finally {
  await rig.close();
}

function round(x, d) {
  return Math.round(x * 10 ** d) / 10 ** d;
}
