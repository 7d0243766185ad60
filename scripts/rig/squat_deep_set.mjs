#!/usr/bin/env node
// node scripts/rig/squat_deep_set.mjs --bodies dev|report|id,id,… --out DIR
// The deep overhead squat recording (recordings.mjs squat-deep) once per body, each filmed by a portrait phone turned
// 10–20° off square, the turn's size and side varying from body to body (a fixed list, so the set is the same every
// run): DIR/<body>.mp4 + DIR/<body>.json. Scored by scripts/squat_deep_accuracy.ts. Heavy: git-ignored output.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { BODY_GROUPS } from './cases.mjs';
import { REPO_ROOT } from './rig_session.mjs';

const argv = process.argv.slice(2);
const arg = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const which = arg('--bodies', 'dev');
const bodies = BODY_GROUPS[which] ?? which.split(',');
const out = resolve(arg('--out', `/tmp/squat-deep-${which}`));
/** Turns of the camera, degrees (+ the camera moves toward the person's left), cycled over the bodies. */
export const DEEP_SET_YAWS = [15, -12, 20, -18, 10, -15, 12, -20, 18, -10];

for (const [i, body] of bodies.entries()) {
  const yaw = DEEP_SET_YAWS[i % DEEP_SET_YAWS.length];
  execFileSync(
    'node',
    [
      resolve(REPO_ROOT, 'scripts/rig/recordings.mjs'),
      '--only',
      body,
      '--name',
      body,
      '--body',
      body,
      '--yaw',
      String(yaw),
      '--out',
      out,
    ],
    { stdio: 'inherit' },
  );
}
