// npx tsx scripts/accuracy_sweep.ts --set DIR --poses FILE.json [--fit-on DEV_DIR --fit-poses DEV.json] [--aside-max-thigh 0.95]
// Scores pose-to-angle variants on poses saved by scripts/accuracy_poses.ts (no model run): the app's own
// measureStill on the model's pose, on the flip-averaged pose, and the thigh/shank ratios the wrong-view guard
// sees. With --fit-on, a gain (reading → truth, through neutral) is fitted per test on that (dev) set and
// applied to this one, so a correction is always shown on bodies it was not fitted on.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureStill, type StillTest } from '../src/lib/pipeline/measure_still';
import { withLegFrom } from './leg_crop';
import { mapPose } from '../src/lib/pose/map_pose';
import { RAD_TO_DEG, wrapDeg } from '../src/lib/geometry/angles';
import { MIN_MEASURE_SCORE } from '../src/lib/geometry/joints';
import { oppositeSide } from '../src/lib/pose/mirror';
import { TEST_MODELS } from '../src/lib/pipeline/test_setup';
import type { Joint, JointName, Pose, Side, TestId } from '../src/lib/types';

interface Case {
  id: string;
  test: StillTest;
  side: Side;
  body?: { id: string };
  expectMeasurable: boolean;
  truth: { hipRotationDeg: number | null; fppaDeg: number | null };
}
type Entry = {
  pose: Pose | null;
  flipped?: Pose | null;
  crop?: Pose | null;
  mask?: Pose | null;
  maskLeg?: Pose | null;
  maskMids?: number;
};
type Saved = Record<string, Record<string, Entry>>;

const { values } = parseArgs({
  options: {
    set: { type: 'string' },
    poses: { type: 'string' },
    'fit-on': { type: 'string' },
    'fit-poses': { type: 'string' },
    variants: { type: 'string' },
    // With poses saved for several models (accuracy_poses.ts --models all): score this one.
    model: { type: 'string' },
    'per-body': { type: 'boolean', default: false },
    // Seated with the untested knee out to the side: the longest thigh (× the shank) measured when the knee looks
    // placed down the shank (the app's stills keep MAX_THIGH_TO_SHANK; its videos use TRACKED_MAX_THIGH_TO_SHANK).
    'aside-max-thigh': { type: 'string' },
  },
});

function load(setDir: string, posesFile: string): { cases: Case[]; poses: Saved } {
  const m = JSON.parse(readFileSync(join(resolve(setDir), 'manifest.json'), 'utf8')) as { cases: Case[] };
  const p = JSON.parse(readFileSync(posesFile, 'utf8')) as { poses: Saved };
  return { cases: m.cases, poses: p.poses };
}

/** Mean of the pose and its mirrored twin (sides already swapped back), joint by joint; the lower score. */
function flipAverage(a: Pose | null, b: Pose | null | undefined): Pose | null {
  if (!a || !b) return a ?? b ?? null;
  const joints: Partial<Record<JointName, Joint>> = {};
  for (const [name, j] of Object.entries(a.joints) as [JointName, Joint][]) {
    const k = b.joints[name];
    joints[name] = k ? { x: (j.x + k.x) / 2, y: (j.y + k.y) / 2, score: Math.min(j.score, k.score) } : j;
  }
  const { world: _world, ...rest } = a;
  return { ...rest, joints };
}

/**
 * The shank's distal end moved from the ankle keypoint toward the heel (BlazePose): w = 0 is the ankle,
 * 1 the heel. Seen from the front (seated) or above (supine) the heel lies on the shank's line below the
 * ankle, so a longer lever may steady the line; the foot index turns with the foot and is not used.
 */
function distalTowardHeel(p: Pose | null, side: Side, w: number): Pose | null {
  const a = p?.joints[`${side}_ankle`];
  const h = p?.joints[`${side}_heel`];
  if (!p || !a || !h || h.score < 0.3) return p;
  const ankle = { x: a.x + w * (h.x - a.x), y: a.y + w * (h.y - a.y), score: Math.min(a.score, h.score) };
  return { ...p, joints: { ...p.joints, [`${side}_ankle`]: ankle } };
}

/**
 * Seated from the front the thigh points at the camera, so the knee sits close to the hip in the picture
 * (thigh ≤ 0.35 of the shank on the rig's true joints); a model that puts the knee well down the shank
 * (thigh/shank above `limit`) has lost it, and the hip→ankle line stands in for the shank.
 */
function hipForLostKnee(p: Pose | null, side: Side, limit: number): Pose | null {
  const j = p?.joints;
  const h = j?.[`${side}_hip`];
  const k = j?.[`${side}_knee`];
  const a = j?.[`${side}_ankle`];
  if (!p || !h || !k || !a) return p;
  const ratio = Math.hypot(k.x - h.x, k.y - h.y) / Math.hypot(a.x - k.x, a.y - k.y);
  if (ratio <= limit) return p;
  return { ...p, joints: { ...p.joints, [`${side}_knee`]: { ...h, score: k.score } } };
}

/** Joints scored at least `min` count as clearly visible (MIN_MEASURE_SCORE is 0.3): the guard lowered. */
function scoreFloor(p: Pose | null, min: number): Pose | null {
  if (!p) return p;
  const joints: Partial<Record<JointName, Joint>> = {};
  for (const [name, j] of Object.entries(p.joints) as [JointName, Joint][])
    joints[name] = j.score >= min ? { ...j, score: Math.max(j.score, 0.3) } : j;
  return { ...p, joints };
}

/** A way from the saved poses to the pose measured: the test's own model's entry, and every model's. */
/**
 * Prone from behind the head, the camera's right is the person's left: with the shoulders down the picture
 * from the hips (toward the camera), right hip → left hip turned toward the shoulders is a positive cross
 * product. A model that reads the back as a front labels every side the other way; swap the names back.
 * `knees`: with no scored shoulders, the thighs (running up the picture) stand in for the trunk.
 */
function proneHanded(p: Pose, knees: boolean): Pose {
  const j = p.joints;
  const mid = (a?: Joint, b?: Joint) =>
    a && b && a.score >= 0.3 && b.score >= 0.3 ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : null;
  const hips = mid(j.left_hip, j.right_hip);
  if (!hips || !j.left_hip || !j.right_hip) return p;
  let down = null as { x: number; y: number } | null;
  const sh = mid(j.left_shoulder, j.right_shoulder);
  if (sh) down = { x: sh.x - hips.x, y: sh.y - hips.y };
  else if (knees) {
    const kn = mid(j.left_knee, j.right_knee);
    if (kn) down = { x: hips.x - kn.x, y: hips.y - kn.y };
  }
  if (!down) return p;
  const v = { x: j.left_hip.x - j.right_hip.x, y: j.left_hip.y - j.right_hip.y };
  if (v.x * down.y - v.y * down.x >= 0) return p;
  return mapPose(
    p,
    (name, k) => [oppositeSide(name), k],
    (name, k) => [oppositeSide(name), k],
  );
}

type Variant = (c: Case, saved: Entry, all: Record<string, Entry>) => Pose | null;

/**
 * Seated from the front: when the first model's knee looks lost (thigh/shank in the image above `limit`,
 * where the wrong-view guard refuses), the other model's pose of the same frame instead, if its knee is not.
 */
const otherWhenKneeLost =
  (other: string, limit = 0.6): Variant =>
  (c, s, all) => {
    const ratio = (p: Pose | null | undefined) => {
      const h = p?.joints[`${c.side}_hip`];
      const k = p?.joints[`${c.side}_knee`];
      const a = p?.joints[`${c.side}_ankle`];
      return h && k && a ? Math.hypot(k.x - h.x, k.y - h.y) / Math.hypot(a.x - k.x, a.y - k.y) : Infinity;
    };
    const alt = all[other]?.pose;
    if (c.test !== 'seated' || ratio(s.pose) <= limit || !alt || ratio(alt) > limit) return s.pose;
    return alt;
  };

/** The second look at the tested leg (accuracy_crop.ts): its joints `names` replace the first pose's. */
const fromCrop =
  (names: Parameters<typeof withLegFrom>[3]): Variant =>
  (c, s) =>
    s.pose && s.crop ? withLegFrom(s.pose, s.crop, c.side, names) : s.pose;
function maskConfirmedKnee(minScore: number, maxDeg: number, minMids: number): Variant {
  return (c, s) => {
    const p = s.pose;
    const m = s.mask;
    const k = p?.joints[`${c.side}_knee`];
    const a = p?.joints[`${c.side}_ankle`];
    const mk = m?.joints[`${c.side}_knee`];
    const ma = m?.joints[`${c.side}_ankle`];
    if (!p || !m || !k || !a || !mk || !ma || k.score >= MIN_MEASURE_SCORE || k.score < minScore) return p;
    if ((s.maskMids ?? 0) < minMids) return p;
    const turn = wrapDeg(
      (Math.atan2(a.y - k.y, a.x - k.x) - Math.atan2(ma.y - mk.y, ma.x - mk.x)) * RAD_TO_DEG,
    );
    if (Math.abs(turn) > maxDeg) return p;
    return { ...m, joints: { ...m.joints, [`${c.side}_knee`]: { ...mk, score: MIN_MEASURE_SCORE } } };
  };
}
const VARIANTS: Record<string, Variant> = {
  model: (_c, s) => s.pose,
  'flip-average': (_c, s) => flipAverage(s.pose, s.flipped),
  'ankle-heel mid': (c, s) => distalTowardHeel(s.pose, c.side, 0.5),
  heel: (c, s) => distalTowardHeel(s.pose, c.side, 1),
  'hip-ankle when knee lost (0.6)': (c, s) => hipForLostKnee(s.pose, c.side, 0.6),
  'hip-ankle always': (c, s) => hipForLostKnee(s.pose, c.side, -1),
  'min score 0.2': (_c, s) => scoreFloor(s.pose, 0.2),
  'min score 0.1': (_c, s) => scoreFloor(s.pose, 0.1),
  'flip-average + min score 0.1': (_c, s) => scoreFloor(flipAverage(s.pose, s.flipped), 0.1),
  // The averaged pose when it can be measured, else whichever look can (the plain average refuses a view when
  // either look lost a joint or the knee).
  'flip-average or either look': (c, s) => {
    const ok = (p: Pose | null | undefined) => !!p && measureStill(p, c.test, c.side).measurable;
    const avg = flipAverage(s.pose, s.flipped);
    return ok(avg) ? avg : ok(s.pose) ? s.pose : (s.flipped ?? s.pose);
  },
  // The flipped look alone (is the mirrored picture itself any better?).
  'flipped only': (_c, s) => s.flipped ?? null,
  'flip-average + ankle-heel mid': (c, s) => distalTowardHeel(flipAverage(s.pose, s.flipped), c.side, 0.5),
  'prone sides by handedness': (c, s) => (c.test === 'prone' && s.pose ? proneHanded(s.pose, false) : s.pose),
  'prone sides by handedness (hips+knees)': (c, s) =>
    c.test === 'prone' && s.pose ? proneHanded(s.pose, true) : s.pose,
  'thunder when knee lost': otherWhenKneeLost('movenet-thunder'),
  // Both models' keypoints of the same frame averaged joint by joint (an ensemble; twice the model time).
  'two-model average': (_c, s, all) =>
    flipAverage(all['blazepose-full']?.pose ?? null, all['movenet-thunder']?.pose),
  'thunder for seated': (c, s, all) =>
    c.test === 'seated' ? (all['movenet-thunder']?.pose ?? null) : s.pose,
  'crop knee+ankle': fromCrop(['knee', 'ankle']),
  'crop knee': fromCrop(['knee']),
  'crop ankle': fromCrop(['ankle']),
  'crop hip+knee+ankle': fromCrop(['hip', 'knee', 'ankle']),
  // The tested leg re-drawn through the middle of BlazePose's person mask (accuracy_mask.ts); no mask: the pose.
  'mask shank': (_c, s) => (s.mask === undefined || s.mask === null ? s.pose : s.mask),
  // A knee scored under the measuring limit still counts where the mask shows a shank along its line (most
  // cross-sections found, the redrawn line within `maxDeg` of the keypoints'): the line is the mask's.
  'mask-confirmed knee': maskConfirmedKnee(0.1, 10, 9),
  'mask-confirmed knee 0.2 6deg': maskConfirmedKnee(0.2, 6, 9),
  // Both: the mask's line for every view, and a low-scored knee counted where the mask confirms it.
  'mask shank + confirmed knee': (c, s, all) => {
    const p = maskConfirmedKnee(0.1, 10, 9)(c, s, all);
    return p === s.pose && s.mask ? s.mask : p;
  },
  'mask leg': (_c, s) => (s.maskLeg === undefined || s.maskLeg === null ? s.pose : s.maskLeg),
};

interface Scored {
  c: Case;
  truth: number | null;
  value: number | null;
  measurable: boolean;
  reason: string | null;
}

function score(cases: Case[], poses: Saved, v: Variant): Scored[] {
  return cases.map((c) => {
    const byModel = poses[c.id] ?? {};
    // Poses saved for several models: the one asked for, else the test's own (as the app runs it).
    const saved = (values.model
      ? byModel[values.model]
      : (byModel[TEST_MODELS[c.test as TestId]] ?? Object.values(byModel)[0])) ?? { pose: null };
    const r = measureStill(
      v(c, saved, byModel),
      c.test,
      c.side,
      values['aside-max-thigh'] ? { asideMaxThighToShank: Number(values['aside-max-thigh']) } : {},
    );
    const squat = c.test === 'squat' || c.test === 'stand';
    return {
      c,
      truth: squat ? c.truth.fppaDeg : c.truth.hipRotationDeg,
      value: squat ? r.fppaDeg : r.hipRotationDeg,
      measurable: r.measurable,
      reason: r.reason,
    };
  });
}

/** Per test: gain g so that g · reading ≈ truth (least squares through 0), on measured proper views. */
function fitGain(rows: Scored[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const test of new Set(rows.map((r) => r.c.test))) {
    const xs = rows.filter(
      (r) => r.c.test === test && r.c.expectMeasurable && r.measurable && r.truth !== null,
    );
    const sxy = xs.reduce((a, r) => a + r.value! * r.truth!, 0);
    const sxx = xs.reduce((a, r) => a + r.value! * r.value!, 0);
    out[test] = sxx > 0 ? sxy / sxx : 1;
  }
  return out;
}

function table(title: string, rows: Scored[], gain?: Record<string, number>): void {
  console.log(`\n${title}`);
  const keys = [...new Set(rows.map((r) => r.c.test))].sort();
  for (const test of keys) {
    const t = rows.filter((r) => r.c.test === test);
    const proper = t.filter((r) => r.c.expectMeasurable);
    const wrong = t.filter((r) => !r.c.expectMeasurable);
    const g = gain?.[test] ?? 1;
    const errs = proper
      .filter((r) => r.measurable && r.truth !== null)
      .map((r) => Math.abs(g * r.value! - r.truth!));
    const reasons: Record<string, number> = {};
    for (const r of proper.filter((x) => !x.measurable)) reasons[r.reason!] = (reasons[r.reason!] ?? 0) + 1;
    console.log(
      `  ${test.padEnd(7)} gain ${g.toFixed(3)} MAE ${mean(errs).toFixed(2)}° P95 ${pct(errs, 0.95).toFixed(1)}° max ${Math.max(...errs).toFixed(1)}° ` +
        `measured ${errs.length}/${proper.length} refused ${proper.length - proper.filter((r) => r.measurable).length} ` +
        `wrong-measured ${wrong.filter((r) => r.measurable).length}/${wrong.length}  ${JSON.stringify(reasons)}`,
    );
  }
}

/** What the wrong-view guard sees: thigh/shank length ratio on the model's joints, proper vs wrong views. */
function ratios(cases: Case[], poses: Saved): void {
  console.log('\nthigh/shank in the image (model joints), by test and view');
  const by: Record<string, number[]> = {};
  for (const c of cases) {
    const p = Object.values(poses[c.id] ?? {})[0]?.pose;
    const j = p?.joints;
    const hip = j?.[`${c.side}_hip`];
    const knee = j?.[`${c.side}_knee`];
    const ankle = j?.[`${c.side}_ankle`];
    if (!hip || !knee || !ankle) continue;
    const r = Math.hypot(knee.x - hip.x, knee.y - hip.y) / Math.hypot(ankle.x - knee.x, ankle.y - knee.y);
    (by[`${c.test} ${c.expectMeasurable ? 'proper' : 'wrong'}`] ??= []).push(r);
  }
  for (const [k, xs] of Object.entries(by).sort())
    console.log(
      `  ${k.padEnd(16)} n=${xs.length} min ${Math.min(...xs).toFixed(2)} p95 ${pct(xs, 0.95).toFixed(2)} max ${Math.max(...xs).toFixed(2)}` +
        ` (sorted: ${[...xs]
          .sort((a, b) => a - b)
          .map((x) => x.toFixed(2))
          .join(' ')})`,
    );
}

/** Per body and test: MAE, max, mean signed error, refused proper views, measured wrong views. */
function perBody(rows: Scored[], gain?: Record<string, number>): void {
  const keys = [...new Set(rows.map((r) => `${r.c.test} | ${r.c.body?.id ?? '-'}`))].sort();
  for (const key of keys) {
    const t = rows.filter((r) => `${r.c.test} | ${r.c.body?.id ?? '-'}` === key);
    const g = gain?.[t[0]!.c.test] ?? 1;
    const pairs = t
      .filter((r) => r.c.expectMeasurable && r.measurable && r.truth !== null)
      .map((r) => g * r.value! - r.truth!);
    const proper = t.filter((r) => r.c.expectMeasurable);
    const wrong = t.filter((r) => !r.c.expectMeasurable);
    console.log(
      `  ${key.padEnd(28)} MAE ${mean(pairs.map(Math.abs)).toFixed(1)}° max ${Math.max(...pairs.map(Math.abs)).toFixed(1)}° ` +
        `signed ${mean(pairs).toFixed(1)}° measured ${pairs.length}/${proper.length} wrong-measured ${wrong.filter((r) => r.measurable).length}/${wrong.length}`,
    );
  }
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}
function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
}

if (!values.set || !values.poses)
  throw new Error('usage: --set DIR --poses FILE.json [--fit-on DIR --fit-poses FILE]');
const target = load(values.set, values.poses);
const dev = values['fit-on'] && values['fit-poses'] ? load(values['fit-on'], values['fit-poses']) : null;
const chosen = values.variants ? values.variants.split(',') : Object.keys(VARIANTS);
for (const name of chosen) {
  const v = VARIANTS[name];
  if (!v) throw new Error(`unknown variant ${name}: ${Object.keys(VARIANTS).join(', ')}`);
  const rows = score(target.cases, target.poses, v);
  table(`${name} on ${values.set}`, rows);
  if (values['per-body']) perBody(rows);
  if (dev) {
    const gain = fitGain(score(dev.cases, dev.poses, v));
    table(`${name} × gain fitted on ${values['fit-on']}`, rows, gain);
    if (values['per-body']) perBody(rows, gain);
  }
}
ratios(target.cases, target.poses);
