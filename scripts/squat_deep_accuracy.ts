// npx tsx scripts/squat_deep_accuracy.ts --set DIR [--json FILE] [--explore]
// Scores the squat screen on a set of deep overhead squat recordings (scripts/rig/squat_deep_set.mjs: DIR/<body>.mp4
// + <body>.json truth), per body: each rep's knee-in against the truth (as a square-on view sees it), the FPPA it
// shows against the square-on FPPA at the frame it was taken from, how often each is refused, and that no |FPPA|
// over 45° is ever shown (per rep or per frame). The pose model runs once per clip, as `goniocam analyze` runs it,
// and its poses are kept in DIR/<body>.<model>.poses.json, so a re-run (or --explore, which prints the turn corrections
// tried on the dev bodies) costs no model time.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { decodeFrames } from '../src/cli/ffmpeg_frames';
import { probeVideo } from '../src/cli/ffprobe';
import { kneeIn } from '../src/lib/geometry/knee_in';
import { squatStanceSides } from '../src/lib/geometry/squat_sides';
import { squatPipeline } from '../src/lib/pipeline/squat_pipeline';
import type { TimedPose } from '../src/lib/pipeline/run_protocol';
import { createNodeEstimator } from '../src/lib/pose/node/create_node_estimator';
import { FALLBACK_MODEL, VIDEO_FALLBACK_AFTER_MISSES } from '../src/lib/pose/fallback_estimator';
import { squatProtocol, squatOptions } from '../src/lib/protocols/squat';
import { runProtocol } from '../src/lib/pipeline/run_protocol';
import { SQUAT_LIMITS } from '../src/lib/protocols/squat_limits';
import { MAX_PLAUSIBLE_FPPA_DEG } from '../src/lib/geometry/fppa';
import type { Side } from '../src/lib/types';
import type { SquatRep } from '../src/lib/protocols/squat_types';

const { values } = parseArgs({
  options: {
    set: { type: 'string' },
    json: { type: 'string' },
    explore: { type: 'boolean', default: false },
  },
});
if (!values.set) throw new Error('usage: --set DIR [--json FILE] [--explore]');
const dir = resolve(values.set);

interface TruthRep {
  rep: number;
  startMs: number;
  bottomStartMs: number;
  bottomEndMs: number;
  endMs: number;
  hipFlexDeg: number;
  kneeIn: Record<Side, number>;
  kneeInImage: Record<Side, number>;
}
interface Truth {
  body: string;
  camera: { yawDeg: number };
  reps: TruthRep[];
  frames: {
    tMs: number[];
    depth: number[];
    fppaSquareLeft: number[];
    fppaSquareRight: number[];
  };
}

async function posesOf(mp4: string): Promise<TimedPose[]> {
  const cache = mp4.replace(/\.mp4$/, `.${squatPipeline.model}.poses.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as TimedPose[];
  const probe = await probeVideo(mp4);
  const model = squatPipeline.model;
  const estimator = await createNodeEstimator(model, {
    smoothing: true,
    rotation: squatPipeline.rotation,
    fallback: FALLBACK_MODEL[model],
    fallbackAfterMisses: VIDEO_FALLBACK_AFTER_MISSES,
  });
  const poses: TimedPose[] = [];
  try {
    for await (const frame of decodeFrames(mp4, probe, { every: 1 })) {
      const tensor = tf.tensor3d(frame.rgb, [frame.height, frame.width, 3], 'int32');
      try {
        poses.push({ pose: await estimator.estimate(tensor, frame.tMs), tMs: frame.tMs });
      } finally {
        tensor.dispose();
      }
    }
  } finally {
    estimator.dispose();
  }
  writeFileSync(cache, JSON.stringify(poses));
  return poses;
}

const SIDES: Side[] = ['left', 'right'];
const stats = (xs: number[]) => {
  const a = xs.map(Math.abs).sort((p, q) => p - q);
  return {
    n: xs.length,
    mae: a.length ? a.reduce((s, x) => s + x, 0) / a.length : null,
    p95: a.length ? a[Math.min(a.length - 1, Math.ceil(0.95 * a.length) - 1)]! : null,
    max: a.length ? a[a.length - 1]! : null,
    bias: xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null,
  };
};
const f3 = (x: number | null) => (x === null ? '—' : x.toFixed(3));
const f1 = (x: number | null) => (x === null ? '—' : x.toFixed(1));

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.mp4'))
  .sort();
const perBody: Record<string, unknown>[] = [];
const all = {
  kneeIn: [] as number[],
  legKneeIn: [] as number[],
  legShown: 0,
  fppa: [] as number[],
  kneeInRefused: 0,
  kneeInN: 0,
  fppaRefused: 0,
  fppaN: 0,
};
let shownOver45 = 0;
const explore = new Map<string, number[]>();
for (const f of files) {
  const name = basename(f, '.mp4');
  const truth = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Truth;
  const poses = await posesOf(join(dir, f));
  const info = {
    file: f,
    model: squatPipeline.model,
    frames: poses.length,
    fps: 10,
    durationS: poses.length / 10,
    analysisS: 0,
    width: 360,
    height: 640,
    rotationDeg: 0,
  };
  const analysis = squatPipeline.analyse(poses, info);
  const reps = analysis.outcome.result.reps;
  // Every FPPA the analysis would show: per rep, and per frame (the recording's chart).
  for (const r of reps)
    for (const s of SIDES) {
      const v = r.legs[s]?.fppaDeg;
      if (v?.ok && Math.abs(v.value) > MAX_PLAUSIBLE_FPPA_DEG) shownOver45++;
    }
  for (const fr of analysis.frames)
    for (const s of SIDES) {
      const d = fr.legs[s]?.deg;
      if (d !== null && d !== undefined && Math.abs(d) > MAX_PLAUSIBLE_FPPA_DEG) shownOver45++;
    }
  // Truth reps matched to found reps by their bottom.
  const kErr: number[] = [];
  const fErr: number[] = [];
  let kRef = 0;
  let fRef = 0;
  const rows: string[] = [];
  const frameAt = (tMs: number) => {
    let best = 0;
    truth.frames.tMs.forEach((t, i) => {
      if (Math.abs(t - tMs) < Math.abs(truth.frames.tMs[best]! - tMs)) best = i;
    });
    return best;
  };
  const legErr: number[] = [];
  let legShown = 0;
  for (const tr of truth.reps) {
    const found: SquatRep | undefined = reps.find((r) => r.bottomMs >= tr.startMs && r.bottomMs <= tr.endMs);
    // Both knees' mean knee-in (the value the screen always gives) against the truth's mean of both knees.
    const both = found?.kneeIn;
    const truthBoth = (tr.kneeIn.left + tr.kneeIn.right) / 2;
    if (both?.ok) kErr.push(both.value - truthBoth);
    else kRef++;
    rows.push(
      `  rep ${tr.rep} both knees: truth ${f3(truthBoth)} (perfect keypoints through this camera ${f3((tr.kneeInImage.left + tr.kneeInImage.right) / 2)}) read ${both?.ok ? f3(both.value) : `refused: ${both?.reason ?? 'rep not found'}`}`,
    );
    for (const s of SIDES) {
      const k = found?.legs[s]?.kneeIn;
      if (k?.ok) {
        legErr.push(k.value - tr.kneeIn[s]);
        legShown++;
      }
      const fp = found?.legs[s]?.fppaDeg;
      const at = found?.legs[s]?.fppaAtMs;
      if (fp?.ok && at !== undefined && at !== null) {
        const i = frameAt(at);
        const t = s === 'left' ? truth.frames.fppaSquareLeft[i]! : truth.frames.fppaSquareRight[i]!;
        fErr.push(fp.value - t);
      } else fRef++;
      rows.push(
        `  rep ${tr.rep} ${s.padEnd(5)} knee-in truth ${f3(tr.kneeIn[s])} (through this camera ${f3(tr.kneeInImage[s])}) read ${k?.ok ? f3(k.value) : `refused: ${k?.reason ?? 'rep not found'}`}; FPPA ${fp?.ok ? `${f1(fp.value)} at ${at} ms` : `refused: ${fp?.reason ?? '—'}`}`,
      );
    }
  }
  all.legKneeIn.push(...legErr);
  all.legShown += legShown;
  all.kneeIn.push(...kErr);
  all.fppa.push(...fErr);
  all.kneeInRefused += kRef;
  all.kneeInN += truth.reps.length;
  all.fppaRefused += fRef;
  all.fppaN += truth.reps.length * 2;
  const k = stats(kErr);
  const fp = stats(fErr);
  perBody.push({
    body: name,
    yawDeg: truth.camera.yawDeg,
    repsFound: reps.length,
    repsTrue: truth.reps.length,
    kneeIn: { ...k, refused: kRef },
    oneKnee: { ...stats(legErr), shown: legShown },
    fppa: { ...fp, refused: fRef },
  });
  console.log(
    `${name.padEnd(18)} yaw ${String(truth.camera.yawDeg).padStart(3)}°  reps ${reps.length}/${truth.reps.length}  knee-in (both) MAE ${f3(k.mae)} max ${f3(k.max)} bias ${f3(k.bias)} refused ${kRef}/${truth.reps.length}; one knee shown ${legShown}/${truth.reps.length * 2}  FPPA MAE ${f1(fp.mae)}° max ${f1(fp.max)}° refused ${fRef}/${truth.reps.length * 2}`,
  );
  if (process.env.VERBOSE) console.log(rows.join('\n'));

  if (values.explore) {
    // Turn corrections and pickers on the truth's bottom frames, before the protocol picks anything.
    const options = squatOptions({});
    const base = runProtocol(squatProtocol(options), poses).state.baseline;
    if (!base) continue;
    const median = (xs: number[]) => {
      const a = [...xs].sort((p, q) => p - q);
      return a.length % 2 ? a[(a.length - 1) / 2]! : (a[a.length / 2 - 1]! + a[a.length / 2]!) / 2;
    };
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // BlazePose world: knee-in along the world hip line (3D), change from the standing second.
    const w3 = (pose: NonNullable<TimedPose['pose']>, s: Side) => {
      const w = pose.world;
      if (!w?.left_hip || !w.right_hip || !w[`${s}_knee`] || !w[`${s}_ankle`]) return null;
      const lat = { x: w.left_hip.x - w.right_hip.x, z: w.left_hip.z - w.right_hip.z };
      const n = Math.hypot(lat.x, lat.z);
      const medial = s === 'left' ? -1 : 1;
      const k = w[`${s}_knee`]!;
      const a = w[`${s}_ankle`]!;
      return (medial * ((k.x - a.x) * lat.x + (k.z - a.z) * lat.z)) / n;
    };
    const standPoses = poses.filter((p) => p.pose && p.tMs < 2000).map((p) => p.pose!);
    const w0: Record<Side, number> = { left: 0, right: 0 };
    for (const s of SIDES) w0[s] = mean(standPoses.map((p) => w3(p, s) ?? 0));
    const wLeg = mean(
      standPoses.map((p) => {
        const w = p.world!;
        const d = (a: string, b: string) =>
          Math.hypot(
            w[a as 'left_hip']!.x - w[b as 'left_hip']!.x,
            w[a as 'left_hip']!.y - w[b as 'left_hip']!.y,
            w[a as 'left_hip']!.z - w[b as 'left_hip']!.z,
          );
        return (
          (d('left_hip', 'left_knee') +
            d('left_knee', 'left_ankle') +
            d('right_hip', 'right_knee') +
            d('right_knee', 'right_ankle')) /
          2
        );
      }),
    );
    for (const tr of truth.reps) {
      const bottom = poses.filter((p) => p.pose && p.tMs >= tr.bottomStartMs && p.tMs < tr.bottomEndMs);
      for (const swap of [false, true])
        for (const limit of [Infinity, 0.3, 0.2]) {
          const raw: Record<Side, number[]> = { left: [], right: [] };
          const cs: number[] = [];
          for (const p of bottom) {
            const pose = swap ? squatStanceSides(p.pose!, base) : p.pose!;
            const v: Partial<Record<Side, number>> = {};
            for (const s of SIDES) {
              const m = kneeIn(pose, s, base);
              if (m.ok && Math.abs(m.value) <= limit) {
                raw[s].push(m.value);
                v[s] = m.value;
              }
            }
            if (v.left !== undefined && v.right !== undefined) cs.push((v.right - v.left) / 2);
          }
          if (!raw.left.length || !raw.right.length) continue;
          for (const [agg, A] of [
            ['median', median],
            ['mean', mean],
          ] as const) {
            const L = A(raw.left);
            const R = A(raw.right);
            const c = cs.length ? A(cs) : (R - L) / 2;
            const push = (k: string, l: number, r: number) => {
              const key = `swap=${swap} lim=${limit} ${agg} ${k}`;
              explore.set(key, [...(explore.get(key) ?? []), l - tr.kneeIn.left, r - tr.kneeIn.right]);
            };
            push('raw', L, R);
            for (const share of [0.5, 0.75, 1]) push(`common×${share}`, L + share * c, R - share * c);
          }
        }
      const wv: Record<Side, number[]> = { left: [], right: [] };
      for (const p of bottom)
        for (const s of SIDES) {
          const pose = squatStanceSides(p.pose!, base);
          const x = w3(pose, s);
          if (x !== null) wv[s].push((x - w0[s]) / wLeg);
        }
      if (wv.left.length && wv.right.length) {
        const key = '3d-world median';
        explore.set(key, [
          ...(explore.get(key) ?? []),
          median(wv.left) - tr.kneeIn.left,
          median(wv.right) - tr.kneeIn.right,
        ]);
      }
    }
  }
}
const k = stats(all.kneeIn);
const fp = stats(all.fppa);
const lk = stats(all.legKneeIn);
console.log(
  `ALL: one knee's own knee-in shown ${all.legShown}/${all.kneeInN * 2}: MAE ${f3(lk.mae)} P95 ${f3(lk.p95)} max ${f3(lk.max)}`,
);
console.log(
  `ALL: knee-in (both knees) MAE ${f3(k.mae)} P95 ${f3(k.p95)} max ${f3(k.max)} bias ${f3(k.bias)} (n ${k.n}, refused ${all.kneeInRefused}/${all.kneeInN}); FPPA MAE ${f1(fp.mae)}° P95 ${f1(fp.p95)}° max ${f1(fp.max)}° (n ${fp.n}, refused ${all.fppaRefused}/${all.fppaN}); |FPPA| > ${MAX_PLAUSIBLE_FPPA_DEG}° shown: ${shownOver45}; limit maxKneeCommonShift ${SQUAT_LIMITS.maxKneeCommonShift.value}`,
);
if (values.explore)
  for (const [key, errs] of explore) {
    const s = stats(errs);
    console.log(
      `explore ${key.padEnd(12)} MAE ${f3(s.mae)} P95 ${f3(s.p95)} max ${f3(s.max)} bias ${f3(s.bias)} (n ${s.n})`,
    );
  }
if (values.json)
  writeFileSync(
    values.json,
    JSON.stringify(
      {
        set: dir,
        all: {
          kneeIn: { ...k, refused: all.kneeInRefused, of: all.kneeInN },
          oneKnee: { ...lk, shown: all.legShown, of: all.kneeInN * 2 },
          fppa: { ...fp, refused: all.fppaRefused, of: all.fppaN },
          shownOver45,
        },
        perBody,
      },
      null,
      1,
    ),
  );
