// npx tsx scripts/prone-views.ts SET_DIR... [--models blazepose-full,movenet-thunder] [--rotations 0,180] [--passes 1,3]
// Exploration of prone camera placements (not a test): runs pose models over rendered prone sets (made with
// `npm run fixtures:synth -- --tests prone --prone-placement prone-head-end|prone-overhead [--prone-tilt 40]`) and
// scores, per placement, the candidate geometry on the rig's true joints and on each model's keypoints:
//  - prone-foot-end: the tilt-undoing maths for the foot end (prone_rotation.ts, method '2d-hip-line');
//  - prone-head-end: the app's prone method since this exploration (prone_rotation.ts, '2d-prone-head-end': the
//    same maths with the thighs running up the picture, and the shoulders nearer the camera than the hips);
//  - prone-overhead: the tested ankle's sideways offset from its knee over the shank length (the other, flat
//    shank is the yardstick; perspective from the rig's focal length), once as the picture alone gives it and
//    once with the camera's tilt known, as a phone's gravity sensor over a level table would give it (here the
//    table normal from the rig's 3D truth, i.e. a perfect sensor);
//  - every placement: '3d-world' (BlazePose's 3D keypoints).
// Models run on stills (tracking reset per case), optionally on the frame turned 180° (keypoints turned back) and
// with `passes` > 1 estimates of the same frame without a reset (the second pass uses the first's crop / ROI, as
// a held pose in a video would). Poses are cached in SET_DIR/prone-views-poses.json.
import * as tf from '@tensorflow/tfjs-core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeEstimator } from '../src/lib/pose/node/create_node_estimator';
import { decodeImageFile, imageToTensor } from '../src/lib/pose/node/decode_image';
import { measureStill } from '../src/lib/pipeline/measure_still';
import { legJoints } from '../src/lib/geometry/joints';
import { add, dot, length, normalize, perp, scale, sub, type Vec2 } from '../src/lib/geometry/vec2';
import type { Joint, JointName, ModelId, Pose, Side } from '../src/lib/types';

interface Case {
  id: string;
  file: string;
  side: Side;
  truth: {
    hipRotationDeg: number;
    joints2d: Record<string, [number, number]>;
    joints3dM: Record<string, [number, number, number]>;
  };
  camera: { placement: string; yawDeg: number; pitchDeg: number; rollDeg: number; resolution: string };
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    models: { type: 'string', default: 'blazepose-full,blazepose-lite,movenet-thunder,movenet-lightning' },
    rotations: { type: 'string', default: '0,180' },
    passes: { type: 'string', default: '1,3' },
  },
});
const MODELS = values.models.split(',') as ModelId[];
const ROTATIONS = values.rotations.split(',').map(Number);
const PASSES = values.passes.split(',').map(Number);
const DEG = 180 / Math.PI;
/** The rig's camera: 45° vertical field of view. */
const focalPx = (height: number) => height / 2 / Math.tan((22.5 * Math.PI) / 180);

type Reading = number | string;
type Method = (pose: Pose, c: Case) => Reading;

/** The app's prone method (prone_rotation.ts, '2d-prone-head-end': the tilt-undoing maths, thighs and trunk checked). */
const headEnd: Method = (pose, c) => {
  const r = measureStill(pose, 'prone', c.side);
  return r.hipRotationDeg ?? r.reason ?? 'refused';
};

/** The table's normal (toward the ceiling) in camera axes (x right, y down, z forward) from the rig's 3D truth. */
function tableNormal(c: Case): [number, number, number] {
  const j = c.truth.joints3dM;
  const o = c.side === 'left' ? 'right' : 'left';
  const a = sub3(j.left_hip!, j.right_hip!);
  const b = sub3(j[`${o}_knee`]!, j[`${o}_hip`]!);
  const n = unit3([a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]);
  return n[2] > 0 ? [-n[0], -n[1], -n[2]] : n;
}

/** Turn the picture as a camera turned to look straight down the normal would see it (a pure rotation). */
function rectify(pose: Pose, normal: [number, number, number], f: number): Pose {
  const target: [number, number, number] = [0, 0, -1];
  const axis = cross3(normal, target);
  const sin = Math.hypot(...axis);
  const cos = dot3(normal, target);
  const k = sin > 1e-9 ? (axis.map((x) => x / sin) as [number, number, number]) : ([1, 0, 0] as const);
  const angle = Math.atan2(sin, cos);
  const rot = (v: [number, number, number]) => {
    const kv = cross3(k, v);
    const kd = dot3(k, v);
    return v.map(
      (x, i) => x * Math.cos(angle) + kv[i]! * Math.sin(angle) + k[i]! * kd * (1 - Math.cos(angle)),
    );
  };
  const cx = pose.width / 2;
  const cy = pose.height / 2;
  const joints: Partial<Record<JointName, Joint>> = {};
  for (const [name, jt] of Object.entries(pose.joints) as [JointName, Joint][]) {
    const r = rot([jt.x - cx, jt.y - cy, f]);
    joints[name] = { x: cx + (f * r[0]!) / r[2]!, y: cy + (f * r[1]!) / r[2]!, score: jt.score };
  }
  return { ...pose, joints };
}

/**
 * Overhead: with the camera looking straight down, the tested ankle sits L·cos θ nearer the camera than its knee
 * and L·sin θ to the side. Image offset from the knee (k, from the picture's centre): (k·q + m·sin θ·lateral)
 * / … with m the flat shank's image length (the other leg), ρ = m / f the shank over the knee's depth, and
 * q = ρ cos θ / (1 − ρ cos θ) (the nearer ankle is magnified and pushed away from the centre). Solved by iteration.
 */
const overhead =
  (opts: { tiltKnown: boolean; fScale?: number }): Method =>
  (pose0, c) => {
    const f = focalPx(pose0.height) * (opts.fScale ?? 1);
    const pose = opts.tiltKnown ? rectify(pose0, tableNormal(c), f) : pose0;
    const leg = legJoints(pose, c.side);
    if ('missing' in leg) return leg.missing;
    const o = c.side === 'left' ? 'right' : 'left';
    const oKnee = pose.joints[`${o}_knee`];
    const oAnkle = pose.joints[`${o}_ankle`];
    if (!oKnee || !oAnkle || oKnee.score < 0.3 || oAnkle.score < 0.3) return 'other leg missing';
    const axis = normalize(sub(scale(add(leg.knee, oKnee), 0.5), scale(add(leg.hip, leg.otherHip), 0.5)));
    if (!axis) return 'degenerate';
    const lateral: Vec2 =
      dot(perp(axis), sub(leg.hip, leg.otherHip)) >= 0 ? perp(axis) : scale(perp(axis), -1);
    const m = length(sub(oAnkle, oKnee));
    if (m < 4) return 'degenerate';
    const d = sub(leg.ankle, leg.knee);
    const k = sub(leg.knee, { x: pose.width / 2, y: pose.height / 2 });
    const rho = m / f;
    let theta = 0;
    for (let i = 0; i < 30; i++) {
      const q = (rho * Math.cos(theta)) / (1 - rho * Math.cos(theta));
      const s = (dot(d, lateral) - dot(k, lateral) * q) / (m * (1 + q));
      if (Math.abs(s) > 1) return 'offset longer than the shank';
      theta = Math.asin(s);
    }
    return theta * DEG;
  };

const world3d: Method = (pose, c) => {
  const r = measureStill(pose, 'prone', c.side, { method: '3d-world' });
  return r.hipRotationDeg ?? r.reason ?? 'refused';
};

const METHODS: Record<string, Record<string, Method>> = {
  'prone-foot-end': {
    'foot-end (prone_rotation, 2d-hip-line)': (pose, c) => {
      const r = measureStill(pose, 'prone', c.side, { method: '2d-hip-line' });
      return r.hipRotationDeg ?? r.reason ?? 'refused';
    },
    // The app's head-end method on a camera at the feet: the wrong view, which it should refuse.
    'app (2d-prone-head-end), wrong end': headEnd,
    '3d-world': world3d,
  },
  'prone-head-end': { 'app (2d-prone-head-end)': headEnd, '3d-world': world3d },
  'prone-overhead': {
    'overhead, picture only': overhead({ tiltKnown: false }),
    'overhead, camera tilt known': overhead({ tiltKnown: true }),
    'overhead, tilt known, f −20%': overhead({ tiltKnown: true, fScale: 0.8 }),
    'overhead, tilt known, f +20%': overhead({ tiltKnown: true, fScale: 1.2 }),
    '3d-world': world3d,
  },
};

function truthPose(c: Case): Pose {
  const [width, height] = c.camera.resolution.split('x').map(Number) as [number, number];
  const joints: Partial<Record<JointName, Joint>> = {};
  for (const [n, [x, y]] of Object.entries(c.truth.joints2d)) joints[n as JointName] = { x, y, score: 1 };
  return { tMs: 0, width, height, joints, score: 1, model: 'blazepose-full' };
}

async function runModels(dir: string, cases: Case[]): Promise<Record<string, Record<string, Pose | null>>> {
  const cachePath = join(dir, 'prone-views-poses.json');
  const cache: Record<string, Record<string, Pose | null>> = existsSync(cachePath)
    ? JSON.parse(readFileSync(cachePath, 'utf8'))
    : {};
  for (const model of MODELS) {
    const todo = ROTATIONS.flatMap((rot) =>
      PASSES.map((passes) => ({ rot, passes, key: `${model}@${rot}x${passes}` })),
    );
    if (todo.every(({ key }) => cases.every((c) => cache[c.id] && key in cache[c.id]!))) continue;
    const est = await createNodeEstimator(model, { smoothing: false });
    try {
      for (const { rot, passes, key } of todo) {
        for (const c of cases) {
          const img = await decodeImageFile(join(dir, c.file));
          const upright = imageToTensor(img);
          const input = rot === 180 ? (tf.reverse(upright, [0, 1]) as tf.Tensor3D) : upright;
          est.reset();
          let pose: Pose | null = null;
          for (let i = 0; i < passes; i++) pose = await est.estimate(input, i * 100);
          if (input !== upright) input.dispose();
          upright.dispose();
          if (pose && rot === 180) pose = turnBack(pose);
          (cache[c.id] ??= {})[key] = pose;
        }
        console.error(`${dir}: ${key}`);
      }
    } finally {
      est.dispose();
    }
  }
  writeFileSync(cachePath, JSON.stringify(cache));
  return cache;
}

/** Keypoints of a frame turned 180° back into the frame's own pixels (and world axes). */
function turnBack(p: Pose): Pose {
  const joints = Object.fromEntries(
    Object.entries(p.joints).map(([k, j]) => [k, { ...j, x: p.width - j.x, y: p.height - j.y }]),
  );
  const world = p.world
    ? Object.fromEntries(Object.entries(p.world).map(([k, j]) => [k, { ...j, x: -j.x, y: -j.y }]))
    : undefined;
  return { ...p, joints, ...(world ? { world } : {}) };
}

const cameraAngle = (c: Case) =>
  Math.max(Math.abs(c.camera.yawDeg), Math.abs(c.camera.pitchDeg), Math.abs(c.camera.rollDeg));
const mean = (xs: number[]) => (xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1) : '—');
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!.toFixed(1) : '—';
};

for (const dirArg of positionals) {
  const dir = resolve(dirArg);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { cases: Case[] };
  const cases = manifest.cases.filter((c) => c.camera.placement in METHODS);
  const poses = await runModels(dir, cases);
  const placements = [...new Set(cases.map((c) => c.camera.placement))];
  for (const placement of placements) {
    const these = cases.filter((c) => c.camera.placement === placement);
    console.log(`\n### ${dirArg}: ${placement} (${these.length} cases)\n`);
    console.log('| method | keypoints | measured | MAE ° | P95 ° | max ° | MAE, camera ≤ 10° |');
    console.log('|---|---|---|---|---|---|---|');
    const keys = ['truth', ...Object.keys(poses[these[0]!.id] ?? {}).sort()];
    for (const [name, method] of Object.entries(METHODS[placement]!)) {
      for (const key of keys) {
        if (name === '3d-world' && !key.startsWith('blazepose')) continue;
        const errs: number[] = [];
        const errs10: number[] = [];
        for (const c of these) {
          const pose = key === 'truth' ? truthPose(c) : poses[c.id]?.[key];
          if (!pose) continue;
          const v = method(pose, c);
          if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 80) continue;
          const e = Math.abs(v - c.truth.hipRotationDeg);
          errs.push(e);
          if (cameraAngle(c) <= 10) errs10.push(e);
        }
        console.log(
          `| ${name} | ${key} | ${errs.length}/${these.length} | ${mean(errs)} | ${pct(errs, 0.95)} | ${pct(errs, 1)} | ${mean(errs10)} |`,
        );
      }
    }
  }
}

function sub3(a: readonly number[], b: readonly number[]): [number, number, number] {
  return [a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!];
}
function unit3(a: [number, number, number]): [number, number, number] {
  const l = Math.hypot(...a);
  return [a[0] / l, a[1] / l, a[2] / l];
}
function cross3(a: readonly number[], b: readonly number[]): [number, number, number] {
  return [a[1]! * b[2]! - a[2]! * b[1]!, a[2]! * b[0]! - a[0]! * b[2]!, a[0]! * b[1]! - a[1]! * b[0]!];
}
function dot3(a: readonly number[], b: readonly number[]): number {
  return a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
}
