// The schedule of a guided-test trial clip (pure, no rendering): what the tested leg does when, which rendered
// keyframe each moment shows, and the truth it carries. Used by clips.mjs (render + clip.json), scripts/y4m.mjs
// (fake-camera clips at any fps) and scripts/record-replay.mjs (pose sequences).
//
// A person following the protocol hands-free: neutral while the app checks the setup, then per trial neutral,
// a smooth turn to the end of range, a hold, a turn back; three internal (IR), then three external (ER)
// trials per side, right side first. Only distinct poses are rendered: each ramp is a few fixed steps shared
// by a side's three trials of one direction, each hold and each neutral one frame.

export const CLIP_FORMAT = 'goniocam-clip/1';

/** Neutral at the start of each side: the protocol's setup check and first neutral. */
export const SIDE_START_NEUTRAL_MS = 2500;
export const TRIAL_NEUTRAL_MS = 1500;
export const RAMP_MS = 800;
export const HOLD_MS = 2500;
/** Neutral after the last trial, so the last return is seen settled. */
export const END_NEUTRAL_MS = 1500;
/** Intermediate poses per ramp (the ramp shows each for RAMP_MS / RAMP_STEPS, then the peak). */
export const RAMP_STEPS = 4;

/**
 * Peak rotations per side and direction, three trials each (internal +, external −). Right IR normal,
 * left IR under the 35° functional minimum, so replays exercise the feedback; each trial a little different.
 */
export const DEFAULT_PEAKS = {
  right: { internal: [40, 38, 41], external: [-35, -33, -36] },
  left: { internal: [26, 28, 27], external: [-40, -38, -41] },
};

/**
 * `clearOtherLeg`: before each side's external trials the untested leg moves out of the way (hip abducted,
 * OTHER_LEG_ABDUCTION_DEG, in CLEAR_STEPS steps over CLEAR_MS), the person settles for CLEAR_SETTLE_MS, and after
 * them it comes back the same way: past ≈ 25° of external rotation the tested shank would otherwise pass through
 * the other leg hanging straight (issue 10). As the whole-test recordings do (recording_timeline.mjs).
 * `otherLegAsideAll`: the untested leg moves out of the way before the side starts instead (before its start neutral),
 * and stays there for the internal trials too (the knees apart for the whole side), as the app asks since 2026-12-03.
 */
export const CLEAR_MS = 600;
export const CLEAR_STEPS = 3;
export const CLEAR_SETTLE_MS = 1500;
/**
 * How far the untested hip abducts (knees apart) so a seated external rotation clears it (issue 10): the tested
 * ankle at 40° external rotation ends 0.17 m across the midline, the abducted leg's 0.38 m out on that side (at 40°
 * of abduction 0.33 m: the feet were ≈ 20 px apart in the 480×360 picture). Abduction in 90° of hip flexion
 * normally reaches 45–60°. Shared with the whole-test recordings (recording_timeline.mjs).
 */
export const OTHER_LEG_ABDUCTION_DEG = 50;

const round1 = (x) => Math.round(x * 10) / 10;

/**
 * The whole clip: keyframes [{ side, hipRotationDeg }] (distinct poses; with clearOtherLeg each also carries
 * otherAbductionDeg, the untested hip's abduction; with a compensation, compensation { kind, deg }), timeline
 * [{ startMs, endMs, keyframe, side }] (contiguous from 0), trials [{ side, direction, trial, peakDeg, rampStartMs, holdStartMs, holdEndMs, returnedMs }] and
 * durationMs. Without clearOtherLeg the schedule is the one every committed clip was rendered from.
 */
export function buildSchedule(
  peaks = DEFAULT_PEAKS,
  { clearOtherLeg = false, otherLegAsideAll = false, compensation = null } = {},
) {
  const keyframes = [];
  const keyOf = new Map();
  let abd = 0;
  // With a compensation ({ kind, deg }: every trial compensates, deg at the mean peak), each pose carries how far,
  // in step with the turn: none at neutral, deg·|θ|/|mean peak| on the way out and back and in the hold.
  let compMean = 0;
  const compAt = (deg) =>
    compensation && compMean ? round1((compensation.deg * Math.abs(deg)) / compMean) : 0;
  const key = (side, deg) => {
    const c = compAt(deg);
    const k = `${clearOtherLeg ? `${side}:${round1(deg)}:${abd}` : `${side}:${round1(deg)}`}${c ? `:c${c}` : ''}`;
    if (!keyOf.has(k)) {
      keyOf.set(k, keyframes.length);
      keyframes.push({
        side,
        hipRotationDeg: round1(deg),
        ...(clearOtherLeg ? { otherAbductionDeg: abd } : {}),
        ...(compensation ? { compensation: { kind: compensation.kind, deg: c } } : {}),
      });
    }
    return keyOf.get(k);
  };
  const timeline = [];
  const trials = [];
  let t = 0;
  const show = (side, deg, ms) => {
    timeline.push({ startMs: t, endMs: t + ms, keyframe: key(side, deg), side });
    t += ms;
  };
  const moveOtherLeg = (side, to) => {
    const from = abd;
    for (let i = 1; i <= CLEAR_STEPS; i++) {
      abd = Math.round(from + ((to - from) * i) / CLEAR_STEPS);
      show(side, 0, CLEAR_MS / CLEAR_STEPS);
    }
  };
  for (const side of ['right', 'left']) {
    if (clearOtherLeg && otherLegAsideAll) moveOtherLeg(side, OTHER_LEG_ABDUCTION_DEG);
    show(side, 0, SIDE_START_NEUTRAL_MS);
    for (const direction of ['internal', 'external']) {
      if (clearOtherLeg && !otherLegAsideAll && direction === 'external') {
        moveOtherLeg(side, OTHER_LEG_ABDUCTION_DEG);
        show(side, 0, CLEAR_SETTLE_MS);
      }
      const list = peaks[side][direction];
      const mean = list.reduce((a, b) => a + b, 0) / list.length;
      compMean = Math.abs(mean);
      // Ramp steps shared by the three trials: evenly spaced toward their mean peak, rounded to 0.5°.
      const steps = Array.from(
        { length: RAMP_STEPS },
        (_, i) => Math.round(((mean * (i + 1)) / (RAMP_STEPS + 1)) * 2) / 2,
      );
      const stepMs = RAMP_MS / RAMP_STEPS;
      list.forEach((peakDeg, i) => {
        show(side, 0, TRIAL_NEUTRAL_MS);
        const rampStartMs = t;
        for (const s of steps) show(side, s, stepMs);
        const holdStartMs = t;
        show(side, peakDeg, HOLD_MS);
        const holdEndMs = t;
        for (const s of [...steps].reverse()) show(side, s, stepMs);
        trials.push({
          side,
          direction,
          trial: i + 1,
          peakDeg,
          ...(compensation ? { compensation: { kind: compensation.kind, deg: compAt(peakDeg) } } : {}),
          rampStartMs,
          holdStartMs,
          holdEndMs,
          returnedMs: t,
        });
      });
      if (clearOtherLeg && direction === 'external') moveOtherLeg(side, 0);
    }
  }
  show('left', 0, END_NEUTRAL_MS);
  return { keyframes, timeline, trials, durationMs: t };
}

/** The timeline segment shown at tMs (the last one past the end). */
export function segmentAt(timeline, tMs) {
  let lo = 0;
  let hi = timeline.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (timeline[mid].startMs <= tMs) lo = mid;
    else hi = mid - 1;
  }
  return timeline[lo];
}

/**
 * Sample a clip at `fps` from startMs (default 0) to endMs (default the end): frame n is the moment
 * startMs + n·1000/fps. Returns the keyframe index per frame, the truth series [{ tMs, side,
 * hipRotationDeg }] — the rotation each frame really shows (ramps step through their rendered poses, they
 * are not interpolated) — and the trials wholly inside the range; all times relative to startMs.
 */
export function sampleClip(
  { keyframes, timeline, trials = [], durationMs },
  fps,
  { startMs = 0, endMs = durationMs } = {},
) {
  if (!(fps > 0)) throw new Error(`fps must be positive, got ${fps}`);
  if (!(startMs >= 0 && endMs <= durationMs && startMs < endMs))
    throw new Error(`range ${startMs}–${endMs} ms is not inside the clip (0–${durationMs} ms)`);
  const n = Math.floor(((endMs - startMs) * fps) / 1000);
  const frames = [];
  const series = [];
  for (let i = 0; i < n; i++) {
    const tMs = Math.round((i * 1000) / fps);
    const seg = segmentAt(timeline, startMs + tMs);
    frames.push(seg.keyframe);
    series.push({ tMs, side: seg.side, hipRotationDeg: keyframes[seg.keyframe].hipRotationDeg });
  }
  const shift = (t) => t - startMs;
  const inside = trials
    .filter((t) => t.rampStartMs >= startMs && t.returnedMs <= endMs)
    .map((t) => ({
      ...t,
      rampStartMs: shift(t.rampStartMs),
      holdStartMs: shift(t.holdStartMs),
      holdEndMs: shift(t.holdEndMs),
      returnedMs: shift(t.returnedMs),
    }));
  return { frames, series, trials: inside };
}
