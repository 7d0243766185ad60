// npm run fixtures:car-clip: the render rig's hip CAR clip and what the model sees in it.
// A standing body (camera in front at hip height, 2.5 m, the squat screen's placement) circles its right knee:
// the thigh goes once round a cone whose edge is the hanging thigh, its axis tipped 35° from straight down
// toward forward and 30° out (the same cone as src/testing/drill_script.ts carBody), in 40 rendered steps;
// standing 2 s, a circle (4 s), standing 1.5 s, the circle again, standing 1.5 s. Writes the keyframes and
// clip.json (goniocam-clip/1: timeline, frames at 10 fps, truth = the knee's path of the true joint centres
// projected through the camera, its area-equivalent radius in standing thigh lengths and its roundness) to
// test-fixtures/synth/clips/cars/, then runs BlazePose full (smoothing on, as the app) over the frames into
// test-fixtures/replay/cars.poses.json for src/lib/protocols/drills/drill_rig_replay.test.ts.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathShape } from '../../src/lib/geometry/knee_path';
import { createNodeEstimator } from '../../src/lib/pose/node/create_node_estimator';
import { decodeImageFile, imageToTensor } from '../../src/lib/pose/node/decode_image';
import { TEST_MODELS } from '../../src/lib/pipeline/test_setup';
import type { Pose } from '../../src/lib/types';
import { CLIP_FORMAT } from './clip_timeline.mjs';
import { OUTFIT, SCENE, SQUAT_CAMERA } from './rig_look.mjs';
import { openRig, REPO_ROOT, rigSource } from './rig_session.mjs';

const SIDE = 'right';
const CONE_DEG = 35;
const STEPS = 40;
const LOOP_MS = 4000;
const FPS = 10;
const DEG = Math.PI / 180;
const lat = -1; // the person's right is −X
type V = { x: number; y: number; z: number };
const norm = (a: V): V => {
  const l = Math.hypot(a.x, a.y, a.z);
  return { x: a.x / l, y: a.y / l, z: a.z / l };
};
const cross = (a: V, b: V): V => ({
  x: a.y * b.z - a.z * b.y,
  y: a.z * b.x - a.x * b.z,
  z: a.x * b.y - a.y * b.x,
});
const dot = (a: V, b: V) => a.x * b.x + a.y * b.y + a.z * b.z;
function turn(v: V, k: V, deg: number): V {
  const c = Math.cos(deg * DEG);
  const s = Math.sin(deg * DEG);
  const kv = cross(k, v);
  const d = dot(k, v) * (1 - c);
  return {
    x: v.x * c + kv.x * s + k.x * d,
    y: v.y * c + kv.y * s + k.y * d,
    z: v.z * c + kv.z * s + k.z * d,
  };
}
/** The thigh's direction at phase u of the circle (body coordinates: Y up, facing +Z, left +X). */
function thighDir(u: number): V {
  const down = { x: 0, y: -1, z: 0 };
  const toward = { x: lat * Math.sin(30 * DEG), y: 0, z: Math.cos(30 * DEG) };
  const axis = norm({
    x: toward.x * Math.sin(CONE_DEG * DEG),
    y: -Math.cos(CONE_DEG * DEG),
    z: toward.z * Math.sin(CONE_DEG * DEG),
  });
  return turn(down, axis, lat * 360 * u);
}
/** The rig's squat leg parameters for a thigh direction: F = (−outward·sin a, −cos h·cos a, sin h·cos a). */
function legFor(t: V) {
  const a = Math.asin(-lat * t.x);
  const h = Math.atan2(t.z, -t.y);
  return { hipFlexDeg: h / DEG, adductionDeg: a / DEG, internalDeg: 0, kneeOverToeDeg: 0 };
}

const dir = join(REPO_ROOT, 'test-fixtures/synth/clips/cars');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const camera = { placement: 'squat-front', ...SQUAT_CAMERA };
const width = 480;
const height = 360;
const rig = await openRig();
const keyframes: { file: string; phase: number | null; joints2d: Record<string, number[]> }[] = [];
try {
  for (let i = 0; i <= STEPS; i++) {
    const standing = i === 0;
    const u = i / STEPS;
    const spec = {
      test: 'squat',
      side: SIDE,
      thetaDeg: 0,
      bodyScale: 1,
      width,
      height,
      camera,
      outfit: OUTFIT,
      scene: SCENE,
      squat: {
        hipFlexDeg: 0,
        trunkLeanDeg: 0,
        kneeOverToeDeg: 0,
        footFlat: true,
        legs: standing ? {} : { [SIDE]: legFor(thighDir(u)) },
      },
    };
    const r = await rig.render(spec);
    const file = standing ? 'stand.png' : `car-${String(i).padStart(2, '0')}.png`;
    if (i < STEPS) writeFileSync(join(dir, file), r.png);
    if (i < STEPS) keyframes.push({ file, phase: standing ? null : u, joints2d: r.joints2d });
  }
} finally {
  await rig.close();
}

// Timeline: stand 2 s, circle, stand 1.5 s, circle, stand 1.5 s; a circle shows keyframe k for LOOP_MS / STEPS.
const timeline: { startMs: number; endMs: number; keyframe: number; side: string }[] = [];
let t = 0;
const stand = (ms: number) => {
  timeline.push({ startMs: t, endMs: t + ms, keyframe: 0, side: SIDE });
  t += ms;
};
const circle = () => {
  for (let k = 0; k < STEPS; k++) {
    const ms = LOOP_MS / STEPS;
    timeline.push({ startMs: t, endMs: t + ms, keyframe: k, side: SIDE });
    t += ms;
  }
};
const loops: { startMs: number; endMs: number }[] = [];
stand(2000);
loops.push({ startMs: t, endMs: t + LOOP_MS });
circle();
stand(1500);
loops.push({ startMs: t, endMs: t + LOOP_MS });
circle();
stand(1500);
const durationMs = t;
const frames: number[] = [];
const series: { tMs: number; side: string; hipRotationDeg: number }[] = [];
for (let i = 0; i < Math.floor((durationMs * FPS) / 1000); i++) {
  const tMs = Math.round((i * 1000) / FPS);
  const seg = timeline.findLast((s) => s.startMs <= tMs)!;
  frames.push(seg.keyframe);
  series.push({ tMs, side: SIDE, hipRotationDeg: 0 });
}
// The truth: the projected true knee's loop relative to its hip, against the standing thigh in the picture.
const rel = (k: (typeof keyframes)[number]) => ({
  x: k.joints2d[`${SIDE}_knee`]![0]! - k.joints2d[`${SIDE}_hip`]![0]!,
  y: k.joints2d[`${SIDE}_knee`]![1]! - k.joints2d[`${SIDE}_hip`]![1]!,
});
const thighPx = Math.hypot(rel(keyframes[0]!).x, rel(keyframes[0]!).y);
const shape = pathShape(keyframes.map(rel));
if ('reason' in shape) throw new Error(shape.reason);
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const truth = {
  series,
  trials: [],
  loops: loops.map((l) => ({
    ...l,
    radiusThighs: round(shape.radiusPx / thighPx, 4),
    roundness: round(shape.roundness, 4),
  })),
  coneDeg: CONE_DEG,
  thighPx: round(thighPx, 2),
};
const clip = {
  format: CLIP_FORMAT,
  source: rigSource(`hip CAR clip (standing, right knee circling a ${CONE_DEG}° cone), body a`),
  test: 'cars',
  width,
  height,
  camera,
  durationMs,
  keyframes,
  timeline,
  fps: FPS,
  frames,
  truth,
};
writeFileSync(join(dir, 'clip.json'), JSON.stringify(clip) + '\n');
console.log(
  `cars: ${keyframes.length} keyframes, ${frames.length} frames, truth radius ${truth.loops[0]!.radiusThighs} thigh lengths, roundness ${truth.loops[0]!.roundness} → ${dir}`,
);

// What the model sees (the standing screen's model, smoothing on as in the app).
const model = TEST_MODELS.stand;
const estimator = await createNodeEstimator(model, { smoothing: true });
const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
try {
  const images = new Map<number, Awaited<ReturnType<typeof decodeImageFile>>>();
  for (const k of new Set(frames)) images.set(k, await decodeImageFile(join(dir, keyframes[k]!.file)));
  const poses: (Pose | null)[] = [];
  for (const [i, k] of frames.entries()) {
    const tensor = imageToTensor(images.get(k)!);
    try {
      const p = await estimator.estimate(tensor, series[i]!.tMs);
      poses.push(
        p && {
          ...p,
          world: undefined,
          joints: Object.fromEntries(
            Object.entries(p.joints)
              .filter(([n]) => /shoulder|hip|knee|ankle/.test(n))
              .map(([n, j]) => [n, { x: r1(j.x), y: r1(j.y), score: r3(j.score) }]),
          ),
        },
      );
    } finally {
      tensor.dispose();
    }
  }
  const out = {
    format: 'goniocam-car-poses/1',
    source: `${model} (tfjs, wasm backend in Node, One Euro smoothing as in the app) run by scripts/rig/car_clip.ts over test-fixtures/synth/clips/cars at ${FPS} fps; shoulders, hips, knees and ankles kept`,
    model,
    fps: FPS,
    truth,
    poses,
  };
  const path = join(REPO_ROOT, 'test-fixtures/replay/cars.poses.json');
  writeFileSync(
    path,
    `{\n${Object.entries(out)
      .map(([k, v]) =>
        k === 'poses'
          ? ` "poses": [\n${poses.map((p) => `  ${JSON.stringify(p)}`).join(',\n')}\n ]`
          : ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`,
      )
      .join(',\n')}\n}\n`,
  );
  console.log(
    `cars (${model}): ${poses.filter(Boolean).length}/${poses.length} frames with a pose → ${path}`,
  );
} finally {
  estimator.dispose();
}
