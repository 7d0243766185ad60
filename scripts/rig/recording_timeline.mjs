// The schedule of a whole-test *recording* (pure, no rendering): a person doing a hip test or a squat set in
// front of a fixed camera with no prompts to follow, in orders the live prompts never use (left leg first,
// external before internal, an aborted attempt that is repeated, a fourth trial, a pause). Used by
// recordings.mjs (render + encode + truth JSON) and its test.
//
// As in clip_timeline.mjs only distinct poses are rendered: each ramp steps through a few fixed poses shared by
// the trials of one side and direction, each hold and each neutral is one pose. Times are whole ms.

import { OTHER_LEG_ABDUCTION_DEG, segmentAt } from './clip_timeline.mjs';

export const RECORDING_TRUTH_FORMAT = 'goniocam-recording-truth/1';

/** Hip trial timing: shorter than the guided clips (no prompts to wait for), so a 12-trial test fits ≈ 60 s. */
export const HIP_TIMING = {
  startMs: 2500, // neutral before the first trial
  neutralMs: 1000, // neutral before each trial
  rampMs: 800, // neutral → end range, and back
  holdMs: 1800, // still at end range (the live hold needs ≈ 1.5 s)
  endMs: 1500, // neutral after the last trial
  rampSteps: 4,
  moveMs: 600, // the untested leg moving out of the way (seated external rotation), and back
  moveSteps: 3,
  // Still in neutral after moving the other leg, before the block's first neutral: a person shifts their weight
  // and settles before turning (without it the whole still neutral before the first trial was 1 s).
  settleMs: 1500,
};

/** How far the untested hip abducts before a seated external rotation (clip_timeline.mjs says why). */
export { OTHER_LEG_ABDUCTION_DEG };

/**
 * The hip plans. A block is one side and direction; `peaks` are positive degrees in that direction, a number
 * per full trial or { abortDeg } for an attempt that turns part way and comes back without holding (the person
 * starts again: not a trial). `clearOtherLeg` (seated external rotation): the other leg moves out of the way
 * before the block and back after it. `{ pauseMs }` is a still pause in neutral.
 */
export const HIP_PLANS = {
  seated: [
    { side: 'left', direction: 'external', peaks: [38, 40, 36], clearOtherLeg: true },
    { side: 'left', direction: 'internal', peaks: [27, { abortDeg: 12 }, 28, 26] },
    { pauseMs: 4000 },
    { side: 'right', direction: 'internal', peaks: [41, 39, 42] },
    { side: 'right', direction: 'external', peaks: [34, 32, 35], clearOtherLeg: true },
  ],
  prone: [
    { side: 'right', direction: 'external', peaks: [33, 35, 31] },
    { side: 'right', direction: 'internal', peaks: [38, 40, 37, 39] },
    { pauseMs: 4000 },
    { side: 'left', direction: 'internal', peaks: [29, 27, 30] },
    { side: 'left', direction: 'external', peaks: [40, 38, 41] },
  ],
  supine: [
    { side: 'left', direction: 'internal', peaks: [36, 34, 37] },
    { pauseMs: 4000 },
    { side: 'right', direction: 'internal', peaks: [28, { abortDeg: 10 }, 30, 27, 29] },
  ],
};

const round1 = (x) => Math.round(x * 10) / 10;
const half = (x) => Math.round(x * 2) / 2;

/**
 * A hip recording: keyframes [{ side, hipRotationDeg, otherAbductionDeg }] (distinct poses; `side` is the
 * tested leg, the other at rotation 0), timeline [{ startMs, endMs, keyframe }], trials (see below), attempts
 * (aborted, not trials), pauses and durationMs. A trial: { side, direction, trial (1-based within its side and
 * direction), startMs (leaves neutral), holdStartMs, holdEndMs, peakMs (middle of the hold), endMs (back in
 * neutral), peakDeg (positive, in its direction), counted (among the first three of its side and direction,
 * the live rule) }.
 */
export function buildHipRecording(plan, timing = HIP_TIMING) {
  const keyframes = [];
  const keyOf = new Map();
  const key = (side, deg, abd) => {
    const k = `${side}:${round1(deg)}:${abd}`;
    if (!keyOf.has(k)) {
      keyOf.set(k, keyframes.length);
      keyframes.push({ side, hipRotationDeg: round1(deg), otherAbductionDeg: abd });
    }
    return keyOf.get(k);
  };
  const timeline = [];
  const trials = [];
  const attempts = [];
  const pauses = [];
  let t = 0;
  let side = plan.find((b) => b.side).side;
  let abd = 0;
  const show = (deg, ms) => {
    if (ms <= 0) return;
    const k = key(side, deg, abd);
    const last = timeline.at(-1);
    if (last && last.keyframe === k) last.endMs += ms;
    else timeline.push({ startMs: t, endMs: t + ms, keyframe: k });
    t += ms;
  };
  const moveOtherLeg = (to) => {
    const from = abd;
    for (let i = 1; i <= timing.moveSteps; i++) {
      abd = Math.round(from + ((to - from) * i) / timing.moveSteps);
      show(0, timing.moveMs / timing.moveSteps);
    }
  };
  show(0, timing.startMs);
  for (const block of plan) {
    if (block.pauseMs) {
      pauses.push({ startMs: t, endMs: t + block.pauseMs });
      show(0, block.pauseMs);
      continue;
    }
    side = block.side;
    const sign = block.direction === 'internal' ? 1 : -1;
    if (block.clearOtherLeg) {
      moveOtherLeg(OTHER_LEG_ABDUCTION_DEG);
      show(0, timing.settleMs);
    }
    const full = block.peaks.filter((p) => typeof p === 'number');
    const mean = full.reduce((a, b) => a + b, 0) / full.length;
    // Ramp steps shared by the block's trials: evenly toward their mean peak, rounded to 0.5°.
    const steps = Array.from({ length: timing.rampSteps }, (_, i) =>
      half((mean * (i + 1)) / (timing.rampSteps + 1)),
    );
    const stepMs = timing.rampMs / timing.rampSteps;
    let n = 0;
    for (const p of block.peaks) {
      show(0, timing.neutralMs);
      const startMs = t;
      if (typeof p !== 'number') {
        // Part way up and straight back: no hold, so no trial.
        const up = steps.filter((s) => s <= p.abortDeg);
        for (const s of up) show(sign * s, stepMs);
        for (const s of [...up].reverse()) show(sign * s, stepMs);
        attempts.push({ side, direction: block.direction, startMs, endMs: t, maxDeg: up.at(-1) ?? 0 });
        continue;
      }
      for (const s of steps) show(sign * s, stepMs);
      const holdStartMs = t;
      show(sign * p, timing.holdMs);
      const holdEndMs = t;
      for (const s of [...steps].reverse()) show(sign * s, stepMs);
      n += 1;
      trials.push({
        side,
        direction: block.direction,
        trial: n,
        startMs,
        holdStartMs,
        holdEndMs,
        peakMs: Math.round((holdStartMs + holdEndMs) / 2),
        endMs: t,
        peakDeg: p,
        counted: n <= 3,
      });
    }
    if (block.clearOtherLeg) {
      show(0, timing.neutralMs);
      moveOtherLeg(0);
    }
  }
  show(0, timing.endMs);
  return { keyframes, timeline, trials, attempts, pauses, durationMs: t };
}

/** Mean of the counted trials per side and direction (the live mean-of-3 rule), 2 decimals. */
export function expectedResults(trials) {
  const out = {};
  for (const tr of trials.filter((x) => x.counted)) {
    const list = ((out[tr.side] ??= {})[tr.direction] ??= []);
    list.push(tr.peakDeg);
  }
  for (const s of Object.values(out))
    for (const [d, list] of Object.entries(s))
      s[d] = Math.round((list.reduce((a, b) => a + b, 0) / list.length) * 100) / 100;
  return out;
}

/** Frame n of a constant-rate clip is the moment n·1000/fps (whole ms when fps divides 1000). */
export function cfrTimes(durationMs, fps) {
  if (!(fps > 0)) throw new Error(`fps must be positive, got ${fps}`);
  return Array.from({ length: Math.floor((durationMs * fps) / 1000) }, (_, n) => (n * 1000) / fps);
}

/** A small deterministic PRNG (mulberry32), so the phone clip's timing is the same every run. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A phone's variable frame rate: presentation times (whole ms, increasing) around a nominal rate with jitter,
 * a few dropped frames (a gap of two intervals) and a few repeated frames (the previous picture again at a new
 * time, as encoders do when the camera stalls). Returns [{ tMs, captureMs }]: captureMs is the moment the
 * picture shows (= tMs, or the previous frame's moment for a repeat).
 */
export function vfrTimes(
  durationMs,
  { fps = 12, jitterMs = 20, dropEvery = 37, repeatEvery = 53, seed = 7 } = {},
) {
  const rnd = seeded(seed);
  const base = 1000 / fps;
  const out = [];
  let t = 0;
  for (let n = 0; t < durationMs; n++) {
    const repeat = n > 0 && n % repeatEvery === 0;
    out.push({ tMs: t, captureMs: repeat ? out[n - 1].captureMs : t });
    const gap = n % dropEvery === dropEvery - 1 ? 2 * base : base;
    t += Math.max(30, Math.round(gap + (rnd() * 2 - 1) * jitterMs));
  }
  return out;
}

/** The keyframe each moment shows. */
export function keyframesAt(timeline, momentsMs) {
  return momentsMs.map((m) => segmentAt(timeline, m).keyframe);
}
