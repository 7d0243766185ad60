#!/usr/bin/env node
// npm run test:e2e: make the fake-camera clips (y4m, git-ignored), then run Playwright against the
// production build in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { clipY4m, readRgba, stillClip, toI420, writeY4m } from '../scripts/y4m.mjs';

const root = new URL('..', import.meta.url).pathname;
// E2E_OUT (absolute, ending in /): this run's own clips folder, so two e2e runs can share a machine.
const out = (process.env.E2E_OUT ?? `${root}e2e/out/`).replace(/\/$/, '');
mkdirSync(out, { recursive: true });
const dist = process.env.GONIOCAM_DIST ?? 'dist';
if (!existsSync(`${root}${dist}/index.html`)) {
  console.error('e2e: dist/ is missing — run "npm run build" first (npm test does).');
  process.exit(1);
}
await stillClip(`${root}test-fixtures/e2e/lunge.jpg`, `${out}/lunge.y4m`, {
  width: 640,
  height: 480,
  fps: 15,
  frames: 15,
});

// The rig's trial clips (rendered bodies doing the guided tests at known angles), at their own 10 fps.
// Only the clips the selected specs use are written (each is ~190 MB of raw video).
// screening.spec.ts: a client does a one-leg supine test through a trainer's link, on the supine clip;
// history.spec.ts: a supine test reloaded mid-way and resumed.
const SUPINE_SPECS = ['screening', 'history'];
const wantGuided =
  process.argv.slice(2).every((a) => a.startsWith('-')) ||
  process.argv.some((a) => /guided(?!_body)|screening|history/.test(a));
const GUIDED = ['seated', 'supine', 'prone'];
// A spec named for one test (e2e/guided_prone.spec.ts) needs only that test's clip.
const named = GUIDED.filter((t) =>
  process.argv.some(
    (a) => a.includes(`guided_${t}`) || (t === 'supine' && SUPINE_SPECS.some((s) => a.includes(s))),
  ),
);
if (wantGuided)
  for (const test of named.length ? named : GUIDED) {
    await clipY4m(`${root}test-fixtures/synth/clips/${test}/clip.json`, `${out}/${test}-clip.y4m`, {
      fps: 10,
    });
  }

// guided_body.spec.ts (on demand): a rig body's seated clip, rendered into the folder E2E_GUIDED_CLIP names.
if (process.env.E2E_GUIDED_CLIP && process.argv.some((a) => a.includes('guided_body')))
  await clipY4m(`${process.env.E2E_GUIDED_CLIP}/clip.json`, `${out}/guided-body-clip.y4m`, { fps: 10 });

// The rig's squat clip (standing, then 5 squats, feet planted) at its own fps (10), for squat_live.spec.ts and
// offline.spec.ts (a whole squat screen with the network off).
const wantSquat =
  process.argv.slice(2).every((a) => a.startsWith('-')) || process.argv.some((a) => /squat|offline/.test(a));
if (wantSquat) {
  const clip = `${root}test-fixtures/synth/clips/squat/clip.json`;
  await clipY4m(clip, `${out}/squat-clip.y4m`, { fps: JSON.parse(readFileSync(clip, 'utf8')).fps });
}

// drills.spec.ts: the seated lift on the first 21.4 s of the seated clip (the right leg’s three inward trials).
const wantDrills =
  process.argv.slice(2).every((a) => a.startsWith('-')) || process.argv.some((a) => /drills/.test(a));
if (wantDrills)
  await clipY4m(`${root}test-fixtures/synth/clips/seated/clip.json`, `${out}/drill-lift-clip.y4m`, {
    fps: 10,
    startMs: 0,
    endMs: 21400,
  });
// drills.spec.ts, hip CARs: the rig's CAR clip (scripts/rig/car_clip.ts).
if (wantDrills)
  await clipY4m(`${root}test-fixtures/synth/clips/cars/clip.json`, `${out}/drill-cars-clip.y4m`, { fps: 10 });

// knee_mask.spec.ts: one supine frame whose knee MoveNet Thunder scores too low on a first look
// (test-fixtures/knee-mask/), every other half second an empty grey frame: MoveNet crops around the person it found
// in the frame before, which lifts the knee's score, so the empty frame makes each look at the person a first one.
if (process.argv.slice(2).every((a) => a.startsWith('-')) || process.argv.some((a) => /knee_mask/.test(a))) {
  const person = toI420(await readRgba(`${root}test-fixtures/knee-mask/supine-hands-knee-low.png`), 640, 480);
  const empty = {
    Y: new Uint8Array(640 * 480).fill(128),
    U: new Uint8Array(320 * 240).fill(128),
    V: new Uint8Array(320 * 240).fill(128),
  };
  await writeY4m(`${out}/knee-mask.y4m`, 640, 480, 2, [person, empty, person, empty, person, empty]);
}

const args = ['playwright', 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)];
const r = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
