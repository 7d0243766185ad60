#!/usr/bin/env node
// npm run fixtures:clips [-- --out test-fixtures/synth/clips] [-- --size 480x360] [-- --tests seated,supine,prone,squat]
//   [-- --body q-women-Casual [--look 3]] [-- --other-leg-external-only | --hang-other-leg] [-- --pitch D] [-- --yaw D]
//   [-- --compensate knee|pelvis|trunk:DEG]
// Renders one guided-test clip per test with the render rig: a fixed camera, one body and outfit, the tested leg
// following clip_timeline.mjs (neutral, turn to the end of range, hold, back; 3 IR then 3 ER trials per side,
// right first). Writes only the distinct poses as PNG keyframes plus clip.json, which says which keyframe each
// frame shows at `fps` and carries the truth (series and per-trial peaks). scripts/y4m.mjs turns a clip into a
// fake-camera y4m at test time; scripts/record-replay.mjs runs the pose model over it.
// `squat` renders the squat screen's clip instead (squat_clip_timeline.mjs): standing, then 5 double-leg squats
// with the feet planted, truth = each leg's FPPA of the true joint centres projected through the camera.
// --body renders another of the rig's bodies (page/bodies.mjs; BODY_GROUPS in cases.mjs says which are dev and which
// report) instead of MakeHuman: its skin, hair and clothing colours and its build (height, thigh and shank length,
// girth) drawn from --look (a seed; 1 unless given), the arms lowered from the T-pose.
// Every seated clip, the committed MakeHuman one included, has the untested knee out to the side for the whole of each
// side, as the app asks (clip_timeline.mjs otherLegAsideAll), on the recordings' stool: the tested shank no longer
// passes through it, and BlazePose places the knees where they are (docs/accuracy.md). --other-leg-external-only
// moves it aside only before the external trials (the clips of the morning of 2026-12-03); --hang-other-leg leaves it
// hanging beside the tested one throughout (the committed clip until then). Without --body the output is the
// committed clip.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FEET, HAIR, SHIRTS, SHORTS, SKIN, mulberry32 } from './cases.mjs';
import { CLIP_FORMAT, buildSchedule, sampleClip } from './clip_timeline.mjs';
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
import {
  buildSquatSchedule,
  depthFromJoints,
  fppaFromJoints,
  sampleSquatClip,
  squatSpec,
} from './squat_clip_timeline.mjs';

const argv = process.argv.slice(2);
const arg = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const out = resolve(REPO_ROOT, arg('--out', 'test-fixtures/synth/clips'));
const [width, height] = arg('--size', '480x360').split('x').map(Number);
const tests = arg('--tests', 'seated,supine,prone,squat').split(',');
/** The rate clip.json lists frames and truth at (y4m.mjs resamples the timeline at any other). */
const MANIFEST_FPS = 10;
const bodyId = arg('--body', null);
const look = bodyId ? drawLook(Number(arg('--look', 1))) : null;
const clearOtherLeg = !argv.includes('--hang-other-leg');
// --pitch D / --yaw D: the hip tests' camera turned that far instead of rig_look.mjs CAMERA's (a check of how a
// reading depends on the camera's aim; the committed clips keep CAMERA).
const cameraTurn = {
  ...(arg('--pitch', null) !== null ? { pitchDeg: Number(arg('--pitch', 0)) } : {}),
  ...(arg('--yaw', null) !== null ? { yawDeg: Number(arg('--yaw', 0)) } : {}),
};
const otherLegAsideAll = !argv.includes('--other-leg-external-only');
// --compensate KIND:DEG (knee, pelvis or trunk): every trial made with that compensation, DEG at the end of range
// (pose_body.mjs compensationRotations; the thigh swings out DEG for the knee), for checking the app's detectors
// find it. The camera stays where it is aimed for the neutral pose.
const compensation = arg('--compensate', null)
  ? (() => {
      const [kind, deg] = arg('--compensate', '').split(':');
      if (!['knee', 'pelvis', 'trunk'].includes(kind) || !(Number(deg) > 0))
        throw new Error(`--compensate wants knee|pelvis|trunk:DEG, got "${arg('--compensate', '')}"`);
      return { kind, deg: Number(deg) };
    })()
  : null;
/** What every render of this run shares: the body and its look (none for the default MakeHuman clips). */
const bodySpec = look
  ? { body: bodyId, bodyScale: look.bodyScale, build: look.build, armsDownDeg: look.armsDownDeg }
  : { bodyScale: 1 };
const outfit = look?.outfit ?? OUTFIT;
const bodyName = bodyId ? `body ${bodyId} (look ${arg('--look', 1)})` : 'body a';

const rig = await openRig();
try {
  for (const test of tests) {
    if (!PLACEMENT[test]) throw new Error(`unknown test "${test}" (seated, supine, prone, squat)`);
    const dir = join(out, test);
    rmSync(dir, { recursive: true, force: true }); // a clip is one render: no keyframes left from an older one
    mkdirSync(dir, { recursive: true });
    if (test === 'squat') {
      await renderSquatClip(dir);
      continue;
    }
    const clearing = clearOtherLeg && test === 'seated';
    const schedule = buildSchedule(undefined, { clearOtherLeg: clearing, otherLegAsideAll, compensation });
    const camera = {
      placement: PLACEMENT[test],
      ...CAMERA,
      ...cameraTurn,
      ...(test === 'prone' ? { tiltDeg: PRONE_TILT_DEG } : {}),
      // The camera stays put while the other leg moves or the body compensates (rig.mjs aims it as for the neutral
      // pose).
      ...(clearing || compensation ? { aimAtNeutral: true } : {}),
    };
    const byHash = new Map(); // identical renders (seated neutral, either side) share one file
    const keyframes = [];
    for (const k of schedule.keyframes) {
      const spec = {
        test,
        side: k.side,
        thetaDeg: k.hipRotationDeg,
        ...bodySpec,
        width,
        height,
        camera,
        outfit,
        scene: SCENE,
        ...(clearing ? { otherLeg: { abductionDeg: k.otherAbductionDeg }, seat: RECORDING_SEAT } : {}),
        ...(k.compensation?.deg ? { compensation: k.compensation } : {}),
      };
      const r = await rig.render(spec);
      const hash = createHash('sha1').update(r.png).digest('hex');
      const dirTag =
        k.hipRotationDeg === 0 ? 'N' : `${k.hipRotationDeg > 0 ? 'IR' : 'ER'}${Math.abs(k.hipRotationDeg)}`;
      const otherTag = k.otherAbductionDeg ? `-other${k.otherAbductionDeg}` : '';
      const compTag = k.compensation?.deg ? `-${k.compensation.kind}${k.compensation.deg}` : '';
      const file = byHash.get(hash) ?? `${k.side}-${dirTag}${otherTag}${compTag}.png`;
      if (!byHash.has(hash)) writeFileSync(join(dir, file), r.png);
      byHash.set(hash, file);
      keyframes.push({
        file,
        side: k.side,
        hipRotationDeg: k.hipRotationDeg,
        ...(clearing ? { otherAbductionDeg: k.otherAbductionDeg } : {}),
        ...(k.compensation ? { compensation: k.compensation } : {}),
        joints2d: r.joints2d,
      });
    }
    const { frames, series } = sampleClip(schedule, MANIFEST_FPS);
    const clip = {
      format: CLIP_FORMAT,
      source: clipSource(`trial clip for the ${test} test, ${bodyName}`),
      test,
      ...(look ? { body: { id: bodyId, ...look } } : {}),
      width,
      height,
      camera,
      durationMs: schedule.durationMs,
      keyframes,
      timeline: schedule.timeline,
      fps: MANIFEST_FPS,
      frames,
      truth: { series, trials: schedule.trials },
    };
    writeFileSync(join(dir, 'clip.json'), compactJson(clip) + '\n');
    console.log(
      `${test}: ${keyframes.length} keyframes (${byHash.size} files), ${frames.length} frames at ${MANIFEST_FPS} fps, ${(schedule.durationMs / 1000).toFixed(1)} s → ${dir}`,
    );
  }
} finally {
  await rig.close();
}

/** The squat clip: each distinct pose rendered once, clip.json with the per-frame and per-rep FPPA truth. */
async function renderSquatClip(dir) {
  const schedule = buildSquatSchedule();
  const camera = { placement: PLACEMENT.squat, ...SQUAT_CAMERA };
  const keyframes = [];
  for (const k of schedule.keyframes) {
    const spec = {
      test: 'squat',
      side: 'left',
      thetaDeg: 0,
      ...bodySpec,
      width,
      height,
      camera,
      outfit,
      scene: SCENE,
      squat: squatSpec(k),
    };
    const r = await rig.render(spec);
    const file = `${k.name}.png`;
    writeFileSync(join(dir, file), r.png);
    const fppaDeg = {
      left: round(fppaFromJoints(r.joints2d, 'left'), 2),
      right: round(fppaFromJoints(r.joints2d, 'right'), 2),
    };
    keyframes.push({
      file,
      hipFlexDeg: k.hipFlexDeg,
      left: k.left,
      right: k.right,
      fppaDeg,
      joints2d: r.joints2d,
    });
  }
  const standing = keyframes[schedule.timeline[0].keyframe].joints2d;
  for (const k of keyframes) k.depth = round(depthFromJoints(k.joints2d, standing), 3);
  const truthOf = (i) => ({ depth: keyframes[i].depth, fppaDeg: keyframes[i].fppaDeg });
  const { frames, series } = sampleSquatClip(schedule, MANIFEST_FPS, truthOf);
  const reps = schedule.reps.map(({ keyframe, ...r }) => ({
    ...r,
    hipFlexDeg: keyframes[keyframe].hipFlexDeg,
    ...truthOf(keyframe),
  }));
  const meanOf = (side) => round(reps.reduce((a, r) => a + r.fppaDeg[side], 0) / reps.length, 2);
  const clip = {
    format: CLIP_FORMAT,
    source: clipSource(`squat clip (5 double-leg squats, feet planted), ${bodyName}`),
    test: 'squat',
    ...(look ? { body: { id: bodyId, ...look } } : {}),
    width,
    height,
    camera,
    durationMs: schedule.durationMs,
    keyframes,
    timeline: schedule.timeline,
    fps: MANIFEST_FPS,
    frames,
    truth: { series, reps, meanFppaDeg: { left: meanOf('left'), right: meanOf('right') } },
  };
  writeFileSync(join(dir, 'clip.json'), compactJson(clip) + '\n');
  const bottoms = reps.map((r) => `${r.fppaDeg.left}/${r.fppaDeg.right}`).join(', ');
  console.log(
    `squat: ${keyframes.length} keyframes, ${frames.length} frames at ${MANIFEST_FPS} fps, ${(schedule.durationMs / 1000).toFixed(1)} s, bottom FPPA left/right ${bottoms} → ${dir}`,
  );
}

/**
 * A body's look for a clip, drawn from the many-body sets' palettes (cases.mjs) with a seed: skin, clothing and hair
 * colours, height (body scale), thigh and shank length, girth, and how far the arms hang from the T-pose.
 */
function drawLook(seed) {
  const rnd = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const uni = (a, b) => a + (b - a) * rnd();
  const r2 = (x) => Math.round(x * 100) / 100;
  return {
    outfit: {
      skin: pick(SKIN),
      shirt: pick(SHIRTS),
      shorts: pick(SHORTS),
      feet: pick(FEET),
      hair: pick(HAIR),
    },
    bodyScale: r2(uni(0.9, 1.1)),
    build: {
      thighScale: r2(uni(0.92, 1.08)),
      shankScale: r2(uni(0.92, 1.08)),
      girthM: rnd() < 0.4 ? Math.round(uni(0.01, 0.03) * 1000) / 1000 : 0,
    },
    armsDownDeg: Math.round(uni(55, 80)),
  };
}

/** The clip's source line: MakeHuman's (rigSource) for the default clips, the bodies' own otherwise. */
function clipSource(what) {
  if (!bodyId) return rigSource(what);
  return (
    `goniocam render rig (scripts/rig), ${what}: ${bodyId} (test-fixtures/synth/assets/README.md: sources and ` +
    'licences) with the look in `body`, posed in three.js and rendered in headless Chromium (SwiftShader). Truth = ' +
    'the rotation the rig applied and joint centres projected through the render camera.'
  );
}

function round(x, d) {
  return Math.round(x * 10 ** d) / 10 ** d;
}

/** Pretty at the top, one line per array element: readable diffs without a line per number. */
function compactJson(value, indent = '') {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return JSON.stringify(value);
    return `[\n${value.map((v) => `${indent} ${JSON.stringify(v)}`).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const inner = Object.entries(value).map(
      ([k, v]) => `${indent} ${JSON.stringify(k)}: ${compactJson(v, `${indent} `)}`,
    );
    return `{\n${inner.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
