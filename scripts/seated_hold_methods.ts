// npx tsx scripts/seated_hold_methods.ts --dir /tmp/gb --bodies dev|report|id,id
// Seated guided-test holds read several ways from the same recorded keypoints (issue 10: the guided test reads
// external rotation 5–20° short because the model drags the knee keypoint toward the foot). Per trial of each
// body's guided clip (scripts/guided_bodies.ts writes DIR/BODY/seated.poses.json): the rig's truth against
//  - shank: the app's per-frame reading (knee → ankle from the hip-line normal), median over the hold;
//  - chord: the ankle's travel from the neutral hold alone. The ankle swings on a circle about the knee, so the
//    chord from the neutral ankle makes half the swing's angle with the neutral shank's normal; no knee needed
//    past the neutral shank's direction;
//  - pivot: the knee found as the circle's centre on the neutral shank's line, fitted to every ankle position of
//    the leg's trials so far (internal and external swing about the same knee);
//  - the mean of shank and chord.
// Coordinates are taken in the body's frame (hip line, its normal) about the hips' midpoint, so a swaying body
// or a rolled camera does not move the ankle.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { arg, bodiesArg } from './guided_clip_args';
import { measureHipRotation } from '../src/lib/geometry';
import { legJoints } from '../src/lib/geometry/joints';
import { RAD_TO_DEG } from '../src/lib/geometry/angles';
import { parsePoseSequence } from '../src/lib/pipeline/pose_sequence';
import type { Pose, Side } from '../src/lib/types';

const dir = arg('--dir', '/tmp/gb');
const bodies = await bodiesArg('dev');

interface P {
  l: number;
  n: number;
}
interface Obs {
  tMs: number;
  deg: number | null;
  knee: P;
  ankle: P;
}

/** The leg's knee and ankle in the body frame (lateral toward the tested side, normal down the shank). */
function observe(pose: Pose, side: Side): Obs | null {
  const leg = legJoints(pose, side);
  if ('missing' in leg) return null;
  const lx = leg.hip.x - leg.otherHip.x;
  const ly = leg.hip.y - leg.otherHip.y;
  const len = Math.hypot(lx, ly);
  if (len < 1e-6) return null;
  const l = { x: lx / len, y: ly / len };
  let nrm = { x: -l.y, y: l.x };
  if (nrm.y < 0) nrm = { x: -nrm.x, y: -nrm.y };
  const o = { x: (leg.hip.x + leg.otherHip.x) / 2, y: (leg.hip.y + leg.otherHip.y) / 2 };
  const to = (p: { x: number; y: number }): P => ({
    l: (p.x - o.x) * l.x + (p.y - o.y) * l.y,
    n: (p.x - o.x) * nrm.x + (p.y - o.y) * nrm.y,
  });
  const m = measureHipRotation(pose, 'seated', side);
  return { tMs: pose.tMs, deg: m.ok ? m.valueDeg : null, knee: to(leg.knee), ankle: to(leg.ankle) };
}

const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const medP = (ps: P[]): P => ({ l: med(ps.map((p) => p.l)), n: med(ps.map((p) => p.n)) });

/** Least-squares circle through points (Kåsa): solve for centre and radius linearly. */
function kasa(ps: P[]): P | null {
  if (ps.length < 5) return null;
  // x² + y² = 2a·x + 2b·y + c, normal equations.
  let sxx = 0,
    sxy = 0,
    syy = 0,
    sx = 0,
    sy = 0,
    sxz = 0,
    syz = 0,
    sz = 0;
  const n = ps.length;
  for (const p of ps) {
    const z = p.l * p.l + p.n * p.n;
    sxx += p.l * p.l;
    sxy += p.l * p.n;
    syy += p.n * p.n;
    sx += p.l;
    sy += p.n;
    sxz += p.l * z;
    syz += p.n * z;
    sz += z;
  }
  const A = [
    [2 * sxx, 2 * sxy, sx],
    [2 * sxy, 2 * syy, sy],
    [2 * sx, 2 * sy, n],
  ];
  const b = [sxz, syz, sz];
  const det = (m: number[][]) =>
    m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
    m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
    m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const D = det(A);
  if (Math.abs(D) < 1e-9) return null;
  const col = (k: number) => A.map((r, i) => r.map((v, j) => (j === k ? b[i]! : v)));
  return { l: det(col(0)) / D, n: det(col(1)) / D };
}

const methods = [
  'shank',
  'chord',
  'pivot',
  'mean',
  'circle',
  'pinned',
  'shankRel',
  'pinnedRel',
  'fixedRel',
] as const;
type Method = (typeof methods)[number];
const perMethod = <T>(make: () => T) =>
  Object.fromEntries(methods.map((m) => [m, make()])) as Record<Method, T>;
const errs = perMethod<number[]>(() => []);
const refusedCount = perMethod(() => 0);
const dirErrs: Record<string, number[]> = {};
const neutralReadings: number[] = [];

for (const body of bodies) {
  const file = join(dir, body, 'seated.poses.json');
  if (!existsSync(file)) {
    console.log(`${body}: no replay`);
    continue;
  }
  const parsed = parsePoseSequence(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  const seq = parsed.value;
  const bodyErr = perMethod<number[]>(() => []);
  const row: string[] = [];
  for (const side of ['right', 'left'] as Side[]) {
    const trials = seq.truth.trials.filter((t) => t.side === side);
    // Every ankle seen in this leg's trials so far (ramp and hold), with the neutral it swung from.
    const arcs: { a0: P; u: P; pts: P[] }[] = [];
    let prevEnd = trials[0] ? trials[0].rampStartMs - 3000 : 0;
    // Circle: every ankle of the leg's whole block (neutral, both swings) fitted with one circle (Kåsa); its
    // centre stands for the knee.
    const all = seq.poses
      .filter(
        (p): p is Pose =>
          !!p &&
          trials.length > 0 &&
          p.tMs >= trials[0]!.rampStartMs - 1500 &&
          p.tMs <= trials.at(-1)!.holdEndMs,
      )
      .map((p) => observe(p, side))
      .filter((o): o is Obs => o !== null)
      .map((o) => o.ankle);
    const centre = kasa(all);
    for (const t of trials) {
      const obs = (from: number, to: number) =>
        seq.poses
          .filter((p): p is Pose => !!p && p.tMs >= from && p.tMs <= to)
          .map((p) => observe(p, side))
          .filter((o): o is Obs => o !== null);
      const neutral = obs(Math.max(prevEnd, t.rampStartMs - 1500), t.rampStartMs - 1);
      const hold = obs(t.holdStartMs + 300, t.holdEndMs);
      const arc = obs(t.rampStartMs, t.holdEndMs);
      prevEnd = t.returnedMs;
      const truth = t.peakDeg;
      const got: Partial<Record<Method | 'fixed', number>> = {};
      let phi0Deg = NaN;
      const shankDegs = hold.map((o) => o.deg).filter((d): d is number => d !== null);
      if (shankDegs.length >= 3) got.shank = med(shankDegs);
      if (neutral.length >= 3 && hold.length >= 3) {
        const k0 = medP(neutral.map((o) => o.knee));
        const a0 = medP(neutral.map((o) => o.ankle));
        const sl = a0.l - k0.l;
        const sn = a0.n - k0.n;
        const phi0 = Math.atan2(sl, sn);
        phi0Deg = phi0 * RAD_TO_DEG;
        const u = { l: Math.sin(phi0), n: Math.cos(phi0) }; // down the neutral shank
        const tg = { l: Math.cos(phi0), n: -Math.sin(phi0) }; // toward lateral, across it
        const pa = medP(hold.map((o) => o.ankle));
        const d = { l: pa.l - a0.l, n: pa.n - a0.n };
        const du = d.l * u.l + d.n * u.n;
        const dt = d.l * tg.l + d.n * tg.n;
        if (Math.abs(dt) > 1e-6) got.chord = (phi0 + 2 * Math.atan(-du / dt)) * RAD_TO_DEG;
        arcs.push({ a0, u, pts: arc.map((o) => o.ankle) });
        // Pivot: radius r along −u from the neutral ankle; each point p gives r = |d|² / (2·(−d·u)), weighted by
        // its rise (a point that barely rose says little about r).
        const rs: { r: number; w: number }[] = [];
        for (const a of arcs)
          for (const p of a.pts) {
            const dd = { l: p.l - a.a0.l, n: p.n - a.a0.n };
            const rise = -(dd.l * a.u.l + dd.n * a.u.n);
            if (rise <= 1) continue;
            rs.push({ r: (dd.l * dd.l + dd.n * dd.n) / (2 * rise), w: rise });
          }
        if (rs.length >= 3) {
          rs.sort((a, b) => a.r - b.r);
          const total = rs.reduce((s, x) => s + x.w, 0);
          let acc = 0;
          let r = rs[0]!.r;
          for (const x of rs) {
            acc += x.w;
            if (acc >= total / 2) {
              r = x.r;
              break;
            }
          }
          const c = { l: a0.l - r * u.l, n: a0.n - r * u.n };
          const dp = { l: pa.l - c.l, n: pa.n - c.n };
          got.pivot = (phi0 + Math.atan2(dp.l * tg.l + dp.n * tg.n, dp.l * u.l + dp.n * u.n)) * RAD_TO_DEG;
        }
      }
      // Pinned: each hold frame's knee moved back across the neutral shank's line (the femur turning does not move
      // the knee sideways; the keypoint's drag toward the foot does), its place along the line kept.
      if (neutral.length >= 3 && hold.length >= 3) {
        const k0 = medP(neutral.map((o) => o.knee));
        const a0 = medP(neutral.map((o) => o.ankle));
        const len = Math.hypot(a0.l - k0.l, a0.n - k0.n);
        if (len > 1e-6) {
          const u = { l: (a0.l - k0.l) / len, n: (a0.n - k0.n) / len };
          const tq = { l: u.n, n: -u.l };
          const degs = hold
            .filter((o) => o.deg !== null)
            .map((o) => {
              const across = (k0.l - o.knee.l) * tq.l + (k0.n - o.knee.n) * tq.n;
              const k = { l: o.knee.l + across * tq.l, n: o.knee.n + across * tq.n };
              return Math.atan2(o.ankle.l - k.l, o.ankle.n - k.n) * RAD_TO_DEG;
            });
          if (degs.length >= 3) got.pinned = med(degs);
          // Fixed: the neutral knee as the pivot outright (neither across nor along the line moved).
          const fixed = hold
            .filter((o) => o.deg !== null)
            .map((o) => Math.atan2(o.ankle.l - k0.l, o.ankle.n - k0.n) * RAD_TO_DEG);
          if (fixed.length >= 3) got.fixed = med(fixed);
        }
      }
      // Relative: less the neutral hold's own reading (the app's per-frame reading, median).
      const neutralDegs = neutral.map((o) => o.deg).filter((d): d is number => d !== null);
      if (neutralDegs.length >= 3) {
        const n0 = med(neutralDegs);
        if (got.shank !== undefined) got.shankRel = got.shank - n0;
        if (got.pinned !== undefined) got.pinnedRel = got.pinned - n0;
        if (got.fixed !== undefined) got.fixedRel = got.fixed - n0;
        neutralReadings.push(n0);
      }
      if (centre && hold.length >= 3) {
        const pa = medP(hold.map((o) => o.ankle));
        got.circle = Math.atan2(pa.l - centre.l, pa.n - centre.n) * RAD_TO_DEG;
      }
      if (got.shank !== undefined && got.chord !== undefined) got.mean = (got.shank + got.chord) / 2;
      for (const m of methods) {
        const g = got[m];
        if (g === undefined) {
          refusedCount[m]++;
          continue;
        }
        errs[m].push(g - truth);
        bodyErr[m].push(g - truth);
        const key = `${m} ${side} ${t.direction}`;
        (dirErrs[key] ??= []).push(g - truth);
      }
      row.push(
        `${side[0]}${t.direction[0]}${t.trial} ${truth} n${phi0Deg.toFixed(0)}: ${methods.map((m) => (got[m] === undefined ? '—' : got[m]!.toFixed(1))).join('/')}`,
      );
    }
  }
  const mae = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + Math.abs(x), 0) / xs.length : NaN);
  console.log(
    `${body.padEnd(18)} ${methods.map((m) => `${m} ${mae(bodyErr[m]).toFixed(1)}`).join('  ')}\n   ${row.join(' | ')}`,
  );
}
const mae = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + Math.abs(x), 0) / xs.length : NaN);
const bias = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);
console.log(
  `\nneutral holds read (truth 0): mean ${(neutralReadings.reduce((a, b) => a + b, 0) / neutralReadings.length).toFixed(2)}°, n ${neutralReadings.length}`,
);
console.log('\nall trials:');
for (const m of methods)
  console.log(
    `  ${m.padEnd(6)} MAE ${mae(errs[m]).toFixed(2)}  bias ${bias(errs[m]).toFixed(2)}  max ${Math.max(...errs[m].map(Math.abs)).toFixed(1)}  n ${errs[m].length}  none ${refusedCount[m]}`,
  );
for (const [k, xs] of Object.entries(dirErrs))
  console.log(`  ${k.padEnd(24)} bias ${bias(xs).toFixed(1)} MAE ${mae(xs).toFixed(1)}`);
