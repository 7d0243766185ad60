// The schedule of a squat-set *recording* (pure, no rendering): double-leg squats at changing tempo with a pause
// standing in the middle, as a person filmed without prompts does them. Used by recordings.mjs and its test.
// Each rep steps through the same few intermediate poses (toward the reps' mean bottom) as squat_clip_timeline.mjs;
// each bottom is one pose held.

import { RAMP_STEPS, squatRampKeyframes } from './squat_clip_timeline.mjs';

/** Three reps, a pause standing, one slow, two quick, two more; the left knee more valgus than the right. */
export const SQUAT_PLAN = {
  startMs: 2500,
  endMs: 1500,
  reps: [
    {
      hipFlexDeg: 50,
      left: { adductionDeg: 2, internalDeg: 6 },
      right: { adductionDeg: 1, internalDeg: 2 },
      tempo: 'normal',
    },
    {
      hipFlexDeg: 53,
      left: { adductionDeg: 2.3, internalDeg: 7 },
      right: { adductionDeg: 1.1, internalDeg: 2 },
      tempo: 'normal',
    },
    {
      hipFlexDeg: 47,
      left: { adductionDeg: 1.7, internalDeg: 5 },
      right: { adductionDeg: 0.9, internalDeg: 1 },
      tempo: 'normal',
    },
    { pauseMs: 4000 },
    {
      hipFlexDeg: 55,
      left: { adductionDeg: 2.2, internalDeg: 7 },
      right: { adductionDeg: 1.2, internalDeg: 3 },
      tempo: 'slow',
    },
    {
      hipFlexDeg: 45,
      left: { adductionDeg: 1.8, internalDeg: 5 },
      right: { adductionDeg: 0.8, internalDeg: 1 },
      tempo: 'quick',
    },
    {
      hipFlexDeg: 49,
      left: { adductionDeg: 2, internalDeg: 6 },
      right: { adductionDeg: 1, internalDeg: 2 },
      tempo: 'quick',
    },
    {
      hipFlexDeg: 51,
      left: { adductionDeg: 2.1, internalDeg: 6 },
      right: { adductionDeg: 1.1, internalDeg: 2 },
      tempo: 'normal',
    },
    {
      hipFlexDeg: 48,
      left: { adductionDeg: 1.9, internalDeg: 6 },
      right: { adductionDeg: 0.9, internalDeg: 2 },
      tempo: 'normal',
    },
  ],
};

/**
 * The squat people really do (issue 10): deep overhead squats to 100–120° of hip flexion (knees above the hips,
 * thighs toward the camera), a steady tempo, each knee caving in (hip adduction + internal rotation) by its own
 * amount each rep: the left more on most reps, the right more on two, one rep with both knees pushed out.
 */
export const DEEP_SQUAT_PLAN = {
  startMs: 2500,
  endMs: 1500,
  reps: [
    {
      hipFlexDeg: 110,
      left: { adductionDeg: 6, internalDeg: 10 },
      right: { adductionDeg: 2, internalDeg: 4 },
      tempo: 'normal',
    },
    {
      hipFlexDeg: 115,
      left: { adductionDeg: 10, internalDeg: 15 },
      right: { adductionDeg: 3, internalDeg: 5 },
      tempo: 'normal',
    },
    {
      hipFlexDeg: 104,
      left: { adductionDeg: 1, internalDeg: 2 },
      right: { adductionDeg: 7, internalDeg: 12 },
      tempo: 'slow',
    },
    {
      hipFlexDeg: 120,
      left: { adductionDeg: -4, internalDeg: -4 },
      right: { adductionDeg: -3, internalDeg: -5 },
      tempo: 'normal',
    },
    {
      hipFlexDeg: 108,
      left: { adductionDeg: 5, internalDeg: 8 },
      right: { adductionDeg: 6, internalDeg: 9 },
      tempo: 'quick',
    },
    {
      hipFlexDeg: 112,
      left: { adductionDeg: 3, internalDeg: 6 },
      right: { adductionDeg: 10, internalDeg: 15 },
      tempo: 'normal',
    },
  ],
};

/** ms for descent, bottom, rise and the stand after, per tempo (multiples of 100 ms so 10 fps frames align). */
export const TEMPO = {
  normal: { descentMs: 1200, bottomMs: 600, riseMs: 1200, standMs: 1200 },
  slow: { descentMs: 2400, bottomMs: 1200, riseMs: 2000, standMs: 1600 },
  quick: { descentMs: 800, bottomMs: 400, riseMs: 800, standMs: 800 },
};

/**
 * The recording: keyframes [{ name, hipFlexDeg, left, right }], timeline [{ startMs, endMs, keyframe }], reps
 * [{ rep, tempo, startMs, bottomStartMs, bottomEndMs, bottomMs, endMs, keyframe }] (startMs: the descent begins;
 * bottomMs: middle of the bottom hold; endMs: standing again), pauses, durationMs.
 */
export function buildSquatRecording(plan = SQUAT_PLAN) {
  const reps = plan.reps.filter((r) => !r.pauseMs);
  const { keyframes, add, stand, steps } = squatRampKeyframes(reps);
  const timeline = [];
  const repTruth = [];
  const pauses = [];
  let t = 0;
  const show = (keyframe, ms) => {
    const last = timeline.at(-1);
    if (last && last.keyframe === keyframe) last.endMs += ms;
    else timeline.push({ startMs: t, endMs: t + ms, keyframe });
    t += ms;
  };
  show(stand, plan.startMs);
  let n = 0;
  for (const r of plan.reps) {
    if (r.pauseMs) {
      pauses.push({ startMs: t, endMs: t + r.pauseMs });
      show(stand, r.pauseMs);
      continue;
    }
    n += 1;
    const tempo = TEMPO[r.tempo];
    const bottom = add(`rep${n}-bottom`, { hipFlexDeg: r.hipFlexDeg, left: r.left, right: r.right });
    const startMs = t;
    for (const k of steps) show(k, tempo.descentMs / RAMP_STEPS);
    const bottomStartMs = t;
    show(bottom, tempo.bottomMs);
    const bottomEndMs = t;
    for (const k of [...steps].reverse()) show(k, tempo.riseMs / RAMP_STEPS);
    repTruth.push({
      rep: n,
      tempo: r.tempo,
      startMs,
      bottomStartMs,
      bottomEndMs,
      bottomMs: Math.round((bottomStartMs + bottomEndMs) / 2),
      endMs: t,
      keyframe: bottom,
    });
    show(stand, tempo.standMs);
  }
  show(stand, plan.endMs);
  return { keyframes, timeline, reps: repTruth, pauses, durationMs: t };
}
