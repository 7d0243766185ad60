// The schedule of the squat clip (pure, no rendering): what the body does when, which rendered keyframe each
// moment shows, and the truth it carries. Used by clips.mjs (render + clip.json) and its test; scripts/y4m.mjs's
// clipY4m plays it like the guided-test clips (it only needs keyframes, timeline and durationMs).
//
// A person doing the squat screen hands-free, feet planted, facing a fixed camera: standing still while the app
// takes its standing baseline, then double-leg squats, each a steady descent, a short hold at the bottom, a
// steady rise and a pause standing. The left knee goes into more valgus than the right (hip adduction +
// internal rotation, as the rig's squat cases), a little different each rep. Only distinct poses are rendered:
// the descent and the rise step through the same few intermediate poses (made from the reps' mean bottom),
// each bottom is one pose held.

import { segmentAt } from './clip_timeline.mjs';

export { CLIP_FORMAT } from './clip_timeline.mjs';

export const START_STAND_MS = 2500;
export const DESCENT_MS = 1200;
export const BOTTOM_MS = 600;
export const RISE_MS = 1200;
export const END_STAND_MS = 1200;
/** Intermediate poses per descent / rise (each shown DESCENT_MS / RAMP_STEPS); the bottom is the fifth step. */
export const RAMP_STEPS = 4;

/**
 * The reps' bottoms: hip flexion (FPPA is defined and published for ≈ 45–60° knee flexion; the rig's CI squat
 * cases reach 20–55° of hip flexion) and each leg's hip adduction / internal rotation. Left: more valgus.
 */
export const DEFAULT_REPS = [
  { hipFlexDeg: 50, left: { adductionDeg: 2, internalDeg: 6 }, right: { adductionDeg: 1, internalDeg: 2 } },
  {
    hipFlexDeg: 52,
    left: { adductionDeg: 2.2, internalDeg: 7 },
    right: { adductionDeg: 1.2, internalDeg: 2 },
  },
  {
    hipFlexDeg: 48,
    left: { adductionDeg: 1.8, internalDeg: 5 },
    right: { adductionDeg: 0.8, internalDeg: 1 },
  },
  {
    hipFlexDeg: 51,
    left: { adductionDeg: 2.1, internalDeg: 6 },
    right: { adductionDeg: 1.1, internalDeg: 2 },
  },
  {
    hipFlexDeg: 49,
    left: { adductionDeg: 1.9, internalDeg: 6 },
    right: { adductionDeg: 0.9, internalDeg: 2 },
  },
];

/** Trunk forward lean follows the hips, as in the rig's CI squat cases. */
export const TRUNK_LEAN_PER_HIP_FLEX = 0.35;

const DEG = Math.PI / 180;
const round1 = (x) => Math.round(x * 10) / 10;

/**
 * The deep overhead squat's look (squat_recording_timeline.mjs DEEP_SQUAT_PLAN): the shank leans over the flat foot
 * with the hips (0.55° per degree, as the rig's default) up to 40° (ankle dorsiflexion runs out), the trunk leans
 * 0.35° per degree of hip flexion up to 40°, the feet stand 10 cm outside the hips.
 */
export const DEEP_SQUAT_STYLE = { maxKneeOverToeDeg: 40, maxTrunkLeanDeg: 40, stanceM: 0.1 };

/**
 * The rig's squat spec for a pose (squat.planted: the feet stay put; footFlat: level on the floor). `style`
 * (DEEP_SQUAT_STYLE) caps the shank and trunk lean and widens the stance; without it the spec is as before.
 */
export function squatSpec({ hipFlexDeg, left, right }, style = null) {
  if (!style)
    return {
      hipFlexDeg,
      trunkLeanDeg: round1(hipFlexDeg * TRUNK_LEAN_PER_HIP_FLEX),
      legs: { left, right },
      planted: true,
      footFlat: true,
    };
  return {
    hipFlexDeg,
    trunkLeanDeg: round1(Math.min(hipFlexDeg * TRUNK_LEAN_PER_HIP_FLEX, style.maxTrunkLeanDeg)),
    kneeOverToeDeg: round1(Math.min(hipFlexDeg * 0.55, style.maxKneeOverToeDeg)),
    stanceM: style.stanceM,
    legs: { left, right },
    planted: true,
    footFlat: true,
  };
}

/**
 * The poses every squat clip shares: standing, then RAMP_STEPS steps evenly spaced in hip height (1 − cos of the
 * hip flexion) toward the reps' mean bottom, a steady descent (each leg's valgus scaled with the flexion).
 * Returns the keyframes so far, `add(name, pose)` for more (→ its index), and the indices of `stand` and `steps`.
 */
export function squatRampKeyframes(reps) {
  const keyframes = [];
  const add = (name, pose) => keyframes.push({ name, ...pose }) - 1;
  const zero = { adductionDeg: 0, internalDeg: 0 };
  const stand = add('stand', { hipFlexDeg: 0, left: zero, right: zero });
  const mean = (f) => reps.reduce((a, r) => a + f(r), 0) / reps.length;
  const meanFlex = mean((r) => r.hipFlexDeg);
  const steps = Array.from({ length: RAMP_STEPS }, (_, i) => {
    const f = (i + 1) / (RAMP_STEPS + 1);
    const hipFlexDeg = round1(Math.acos(1 - f * (1 - Math.cos(meanFlex * DEG))) / DEG);
    const leg = (side) => ({
      adductionDeg: round1((mean((r) => r[side].adductionDeg) * hipFlexDeg) / meanFlex),
      internalDeg: round1((mean((r) => r[side].internalDeg) * hipFlexDeg) / meanFlex),
    });
    return add(`down${i + 1}`, { hipFlexDeg, left: leg('left'), right: leg('right') });
  });
  return { keyframes, add, stand, steps };
}

/**
 * The whole clip: keyframes [{ name, hipFlexDeg, left, right }] (distinct poses), timeline [{ startMs, endMs,
 * keyframe }] (contiguous from 0), reps [{ rep, startMs, bottomStartMs, bottomEndMs, endMs, keyframe }] (startMs:
 * the descent begins; endMs: standing again) and durationMs.
 */
export function buildSquatSchedule(reps = DEFAULT_REPS) {
  const { keyframes, add, stand, steps } = squatRampKeyframes(reps);
  const timeline = [];
  const repTruth = [];
  let t = 0;
  const show = (keyframe, ms) => {
    timeline.push({ startMs: t, endMs: t + ms, keyframe });
    t += ms;
  };
  show(stand, START_STAND_MS);
  reps.forEach((r, i) => {
    const bottom = add(`rep${i + 1}-bottom`, { hipFlexDeg: r.hipFlexDeg, left: r.left, right: r.right });
    const startMs = t;
    for (const k of steps) show(k, DESCENT_MS / RAMP_STEPS);
    const bottomStartMs = t;
    show(bottom, BOTTOM_MS);
    const bottomEndMs = t;
    for (const k of [...steps].reverse()) show(k, RISE_MS / RAMP_STEPS);
    repTruth.push({ rep: i + 1, startMs, bottomStartMs, bottomEndMs, endMs: t, keyframe: bottom });
    show(stand, END_STAND_MS);
  });
  return { keyframes, timeline, reps: repTruth, durationMs: t };
}

/**
 * Sample the clip at `fps`: the keyframe per frame and the truth series [{ tMs, hipFlexDeg, depth, fppaDeg:
 * { left, right } }] from the keyframes' rendered truth (`truthOf(keyframe index)` → { depth, fppaDeg }); the
 * ramps step through their rendered poses, they are not interpolated.
 */
export function sampleSquatClip({ keyframes, timeline, durationMs }, fps, truthOf) {
  if (!(fps > 0)) throw new Error(`fps must be positive, got ${fps}`);
  const n = Math.floor((durationMs * fps) / 1000);
  const frames = [];
  const series = [];
  for (let i = 0; i < n; i++) {
    const tMs = Math.round((i * 1000) / fps);
    const k = segmentAt(timeline, tMs).keyframe;
    frames.push(k);
    series.push({ tMs, hipFlexDeg: keyframes[k].hipFlexDeg, ...truthOf(k) });
  }
  return { frames, series };
}

/**
 * FPPA truth from projected joint centres ({ left_hip: [x, y], … }): 180° − the hip–knee–ankle angle, + when
 * the knee sits on the other hip's side of the hip–ankle line (valgus). The same definition as
 * src/lib/geometry/fppa.ts; generate.mjs uses it for the CI/holdout squat truth too.
 */
export function fppaFromJoints(j, side) {
  const o = side === 'left' ? 'right' : 'left';
  const [hip, knee, ankle, other] = [j[`${side}_hip`], j[`${side}_knee`], j[`${side}_ankle`], j[`${o}_hip`]];
  const t = [hip[0] - knee[0], hip[1] - knee[1]];
  const s = [ankle[0] - knee[0], ankle[1] - knee[1]];
  const cos = (t[0] * s[0] + t[1] * s[1]) / (Math.hypot(...t) * Math.hypot(...s));
  const mag = 180 - (Math.acos(Math.min(1, Math.max(-1, cos))) * 180) / Math.PI;
  const line = [ankle[0] - hip[0], ankle[1] - hip[1]];
  const crossTo = (p) => line[0] * (p[1] - hip[1]) - line[1] * (p[0] - hip[0]);
  return Math.sign(crossTo(knee)) === Math.sign(crossTo(other)) ? mag : -mag;
}

/**
 * Squat depth from projected joint centres, as src/lib/geometry/hip_drop.ts reads it: how far the hip midpoint
 * moved along the standing hip→ankle direction, over the standing hip→knee→ankle length (mean of both legs).
 */
export function depthFromJoints(j, standing) {
  const mid = (p, q) => [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
  const hip0 = mid(standing.left_hip, standing.right_hip);
  const ankle0 = mid(standing.left_ankle, standing.right_ankle);
  const down = [ankle0[0] - hip0[0], ankle0[1] - hip0[1]];
  const dn = Math.hypot(...down);
  const leg = (s) =>
    Math.hypot(
      standing[`${s}_knee`][0] - standing[`${s}_hip`][0],
      standing[`${s}_knee`][1] - standing[`${s}_hip`][1],
    ) +
    Math.hypot(
      standing[`${s}_ankle`][0] - standing[`${s}_knee`][0],
      standing[`${s}_ankle`][1] - standing[`${s}_knee`][1],
    );
  const legLength = (leg('left') + leg('right')) / 2;
  const hip = mid(j.left_hip, j.right_hip);
  return ((hip[0] - hip0[0]) * down[0] + (hip[1] - hip0[1]) * down[1]) / dn / legLength;
}

/**
 * Knee-in truth from joint centres in body coordinates ({ left_knee: [x, y, z], … } metres, the person's left +X;
 * rig.mjs jointsBodyM): how far the knee has moved toward the midline relative to its ankle since standing, as a
 * square-on frontal view sees it (orthographic: the sideways axis is the body's own, so a camera's turn does not
 * enter), over the standing hip→knee→ankle length (mean of both legs). + medial (knees in), − lateral (knees out).
 */
export function kneeInFromBodyJoints(j, standing, side) {
  const medial = side === 'left' ? -1 : 1; // toward the other leg: the left leg's medial is −X
  const off = (p) => medial * (p[`${side}_knee`][0] - p[`${side}_ankle`][0]);
  const d3 = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  const leg = (s) =>
    d3(standing[`${s}_hip`], standing[`${s}_knee`]) + d3(standing[`${s}_knee`], standing[`${s}_ankle`]);
  return (off(j) - off(standing)) / ((leg('left') + leg('right')) / 2);
}

/**
 * The same knee-in read from projected joint centres ({ left_knee: [x, y] } pixels) with the app's own definition
 * (src/lib/geometry/knee_in.ts): sideways is perpendicular to the standing hip-mid → ankle-mid line, medial the
 * other hip's side. Through a turned camera this carries the knees' forward travel seen sideways: the difference
 * from kneeInFromBodyJoints is what a turn does to perfect keypoints.
 */
export function kneeInFromJoints(j, standing, side) {
  const o = side === 'left' ? 'right' : 'left';
  const mid = (p, q) => [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
  const down = [
    mid(standing.left_ankle, standing.right_ankle)[0] - mid(standing.left_hip, standing.right_hip)[0],
    mid(standing.left_ankle, standing.right_ankle)[1] - mid(standing.left_hip, standing.right_hip)[1],
  ];
  const n = Math.hypot(...down);
  const across = [-down[1] / n, down[0] / n];
  const dot = (a, b) => a[0] * b[0] + a[1] * b[1];
  const sub = (a, b) => [a[0] - b[0], a[1] - b[1]];
  const off = (p) => {
    const medial = Math.sign(dot(sub(p[`${o}_hip`], p[`${side}_hip`]), across));
    return medial * dot(sub(p[`${side}_knee`], p[`${side}_ankle`]), across);
  };
  const d2 = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const leg = (s) =>
    d2(standing[`${s}_hip`], standing[`${s}_knee`]) + d2(standing[`${s}_knee`], standing[`${s}_ankle`]);
  return (off(j) - off(standing)) / ((leg('left') + leg('right')) / 2);
}
