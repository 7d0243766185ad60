#!/usr/bin/env node
// npm run fixtures:video [-- --only seated,prone,supine,squat,seated-phone] [-- --bench] [-- --bad] [-- --out DIR]
// Renders whole-test recordings with the render rig (recording_timeline.mjs, squat_recording_timeline.mjs: both
// legs, orders the live prompts never use, pauses, an aborted and a fourth trial), encodes them with Debian's
// ffmpeg into test-fixtures/video/<name>.mp4 (H.264) and .webm (VP9), and writes <name>.json, the truth in the
// goniocam-recording-truth/1 format (test-fixtures/video/README.md). seated-phone is the seated recording as a
// phone films it: portrait, coded landscape with a 90° display matrix, variable frame rate (MP4 only). With --bad,
// then the bad files (scripts/video/bad_files.mjs) from seated.mp4: only on request, because what each bad file
// does depends on the bytes it is cut from (remade from the re-rendered seated.mp4 of 2026-12-02, corrupt.mp4's
// noise lands where it decodes whole, 62 of 62 frames), and the committed ones are what the tests expect.
// Deterministic: a re-run gives byte-identical files.
// squat-deep (only with --only squat-deep, or --deep-squat for a name of its own): the squat people really do, deep
// overhead squats (DEEP_SQUAT_PLAN) filmed by a portrait phone 360×640 turned --yaw DEG (default 15) off square, on
// --body ID (default q-women-Casual, a report body in long trousers); --name NAME writes NAME.mp4/.json instead.
// --bench instead writes scripts/bench/out/seated-60s-30fps.mp4 (+ .json, git-ignored): the seated recording's
// first 60 s at 30 fps, 640×480, for npm run bench.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { encodeMp4, encodeWebm, probeVideo, requireFfmpeg, writeConcat } from '../video/encode.mjs';
import { makeBadFiles } from '../video/bad_files.mjs';
import { hipTruth, squatTruth } from './recording_truth.mjs';
import { HIP_PLANS, buildHipRecording, cfrTimes, keyframesAt, vfrTimes } from './recording_timeline.mjs';
import {
  CAMERA,
  OUTFIT,
  PLACEMENT,
  PRONE_TILT_DEG,
  RECORDING_SEAT,
  SCENE,
  SQUAT_CAMERA,
} from './rig_look.mjs';
import { openRig, REPO_ROOT, rigSource } from './rig_session.mjs';
import { DEEP_SQUAT_PLAN, buildSquatRecording } from './squat_recording_timeline.mjs';
import {
  DEEP_SQUAT_STYLE,
  depthFromJoints,
  fppaFromJoints,
  kneeInFromBodyJoints,
  kneeInFromJoints,
  squatSpec,
} from './squat_clip_timeline.mjs';

const argv = process.argv.slice(2);
const arg = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const bench = argv.includes('--bench');
const out = resolve(REPO_ROOT, arg('--out', bench ? 'scripts/bench/out' : 'test-fixtures/video'));

/** Each recording: its test, picture size (as displayed), frame timing, and how it is stored. */
const CLIPS = bench
  ? [{ name: 'seated-60s-30fps', test: 'seated', size: [640, 480], fps: 30, maxMs: 60_000, webm: false }]
  : [
      { name: 'seated', test: 'seated', size: [480, 360], fps: 10, webm: true },
      { name: 'prone', test: 'prone', size: [480, 360], fps: 10, webm: true },
      { name: 'supine', test: 'supine', size: [480, 360], fps: 10, webm: true },
      { name: 'squat', test: 'squat', size: [480, 360], fps: 10, webm: true },
      // A phone upright on a stand: portrait 360×640, coded 640×360 with a 90° clockwise display matrix, ≈ 12 fps
      // with jitter, dropped and repeated frames.
      { name: 'seated-phone', test: 'seated', size: [360, 640], vfr: { fps: 12 }, rotate: 90, webm: false },
      {
        name: arg('--name', 'squat-deep'),
        test: 'squat',
        deep: true,
        size: [360, 640],
        fps: 10,
        webm: false,
        body: arg('--body', 'q-women-Casual'),
        yawDeg: Number(arg('--yaw', 15)),
      },
    ];
// The deep squat is rendered only when asked for by name (its body and turn are options).
const only = arg('--only', null)?.split(',') ?? CLIPS.filter((c) => !c.deep).map((c) => c.name);

requireFfmpeg();
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'goniocam-rec-'));
const rig = await openRig();
try {
  for (const clip of CLIPS.filter((c) => only.includes(c.name))) await makeRecording(clip);
} finally {
  await rig.close();
  rmSync(work, { recursive: true, force: true });
}
if (!bench && argv.includes('--bad')) makeBadFiles(join(out, 'seated.mp4'), join(out, 'bad'));

async function makeRecording(clip) {
  const t0 = Date.now();
  const [width, height] = clip.size;
  const schedule =
    clip.test === 'squat'
      ? buildSquatRecording(clip.deep ? DEEP_SQUAT_PLAN : undefined)
      : buildHipRecording(HIP_PLANS[clip.test]);
  const camera =
    clip.test === 'squat'
      ? {
          placement: PLACEMENT.squat,
          ...SQUAT_CAMERA,
          // The deep squat's phone stands 3 m away so that the raised hands stay in the portrait frame.
          ...(clip.deep ? { yawDeg: clip.yawDeg, pitchDeg: -2, rollDeg: 1, distanceM: 3.1 } : {}),
        }
      : {
          placement: PLACEMENT[clip.test],
          ...CAMERA,
          ...(clip.test === 'prone' ? { tiltDeg: PRONE_TILT_DEG } : {}),
          aimAtNeutral: true,
        };
  // Render each distinct pose once; identical pictures share one file.
  const dir = join(work, clip.name);
  mkdirSync(dir, { recursive: true });
  const byHash = new Map();
  const rendered = [];
  for (const [i, k] of schedule.keyframes.entries()) {
    const spec = { bodyScale: 1, width, height, camera, outfit: OUTFIT, scene: SCENE };
    const r = await rig.render(
      clip.test === 'squat'
        ? {
            ...spec,
            test: 'squat',
            side: 'left',
            thetaDeg: 0,
            squat: squatSpec(k, clip.deep ? DEEP_SQUAT_STYLE : null),
            ...(clip.deep ? { body: clip.body, arms: 'overhead' } : {}),
          }
        : {
            ...spec,
            test: clip.test,
            side: k.side,
            thetaDeg: k.hipRotationDeg,
            ...(clip.test === 'seated'
              ? { otherLeg: { abductionDeg: k.otherAbductionDeg }, seat: RECORDING_SEAT }
              : {}),
          },
    );
    const hash = createHash('sha1').update(r.png).digest('hex');
    if (!byHash.has(hash)) {
      byHash.set(hash, join(dir, `k${i}.png`));
      writeFileSync(byHash.get(hash), r.png);
    }
    rendered.push({ file: byHash.get(hash), joints2d: r.joints2d, jointsBodyM: r.jointsBodyM });
  }
  // Frame times: constant rate, or a phone's variable rate (a repeated frame shows the previous moment).
  const durationMs = Math.min(schedule.durationMs, clip.maxMs ?? Infinity);
  const times = clip.vfr
    ? vfrTimes(durationMs, clip.vfr)
    : cfrTimes(durationMs, clip.fps).map((t) => ({ tMs: Math.round(t), captureMs: t }));
  const shown = keyframesAt(
    schedule.timeline,
    times.map((t) => t.captureMs),
  );
  const list = writeConcat(
    dir,
    times.map((t, i) => ({ file: rendered[shown[i]].file, tMs: t.tMs })),
    durationMs - times.at(-1).tMs,
  );
  const files = [`${clip.name}.mp4`, ...(clip.webm ? [`${clip.name}.webm`] : [])];
  encodeMp4(list, times.length, join(out, files[0]), {
    ...(clip.rotate === 90 ? { vf: 'transpose=2', rotate: 90 } : {}),
  });
  if (clip.webm) encodeWebm(list, times.length, join(out, files[1]));
  // What was written must be what the truth says: frame count, presentation times, size and rotation.
  for (const f of files) {
    const p = probeVideo(join(out, f));
    const coded = clip.rotate === 90 ? [height, width] : [width, height];
    const ok =
      p.framesMs.length === times.length &&
      p.framesMs.every((t, i) => Math.abs(t - times[i].tMs) <= 1) &&
      p.width === coded[0] &&
      p.height === coded[1] &&
      p.rotationCw === (f.endsWith('.mp4') ? (clip.rotate ?? 0) : 0);
    if (!ok)
      throw new Error(
        `${f}: ffprobe disagrees with the plan (${p.framesMs.length} frames, ${p.width}×${p.height}, rotation ${p.rotationCw})`,
      );
  }
  const base = {
    name: clip.name,
    test: clip.test,
    files,
    source: clip.deep
      ? rigSource(`whole-test recording "${clip.name}", body ${clip.body}`).replace(
          /the MakeHuman body from Debian assimp-testmodels \(CC0 MakeHuman export, rigged by shared\/fixtures\/makehuman-rigged\/rig\.py\)/,
          `the body ${clip.body} (test-fixtures/synth/assets/README.md: sources and licences), arms overhead`,
        )
      : rigSource(`whole-test recording "${clip.name}", body a`),
    ...(clip.deep ? { body: clip.body, arms: 'overhead', style: DEEP_SQUAT_STYLE } : {}),
    display: { width, height },
    coded:
      clip.rotate === 90
        ? { width: height, height: width, rotationCw: 90 }
        : { width, height, rotationCw: 0 },
    frameRate: clip.vfr
      ? { mode: 'variable', nominalFps: clip.vfr.fps }
      : { mode: 'constant', fps: clip.fps },
    durationMs,
    frameCount: times.length,
    camera,
  };
  const truth =
    clip.test === 'squat'
      ? squatTruth(base, schedule, rendered, times, shown, {
          fppaFromJoints,
          depthFromJoints,
          ...(clip.deep ? { kneeInFromBodyJoints, kneeInFromJoints } : {}),
        })
      : hipTruth(base, schedule, times, shown);
  writeFileSync(join(out, `${clip.name}.json`), truth.text);
  console.log(
    `${clip.name}: ${truth.summary}; ${byHash.size} pictures, ${times.length} frames, ${(durationMs / 1000).toFixed(1)} s, ${((Date.now() - t0) / 1000).toFixed(0)} s → ${files.join(', ')}`,
  );
}
