// A recording follows no prompts, so its trials are found in each leg's angle series: a still neutral →
// the leg leaves it (internal or external, by the sign) → a still hold at end range → back. The limits are
// the live test's (limits.ts) but one: a neutral is a still window of ≥ 0.8 s (live: 1 s, see
// RECORDING_NEUTRAL_MS) within 30° of zero (MOVEMENT.startOffMaxDeg: past 15° it is a start read off, which the
// live test also takes after a wait, and its trials are flagged in recorded_trial.ts), a trial moves ≥ 5° past it,
// the hold is ≥ 1.5 s still, back = within 8° of neutral. Each trial then counts from the start position just
// before it (startStretch), which may be a second's rest between trials rather than the neutral window it was found
// from. Pure.
//
// Why not OpenCap's peak finding (prominence 0.7 × the series' range, peaks ≥ 0.5 s apart, peak widths for
// start and end): it assumes one direction and trials of similar size in one series. A recording mixes
// internal and external trials of different ranges in one leg's series, and the resting leg's series has
// a tiny range, so 0.7 × its range turns keypoint noise into "trials". Still windows give the neutral and
// the hold directly, which is also what the result is made of.
import type { Side } from '../types';
import type { HipFrame } from './hip_frame';
import { MOVEMENT, STILLNESS, TIMING } from './limits';
import { median } from './stillness';
import { stillWindows, type StillWindow } from './still_runs';
import type { Direction } from './types';

/** One frame of one leg: what readHipFrame gave, or why not. */
export interface LegReading {
  readonly tMs: number;
  readonly frame: HipFrame | null;
  readonly reason: string | null;
}

/** A still window in frame indices (into the leg's readings). */
export interface FrameWindow extends StillWindow {
  readonly fromFrame: number;
  readonly toFrame: number;
}

/**
 * Where the leg sat just before it turned: the frames (indices into the leg's readings) of the last second at
 * the start position, and their median reading. The trial counts from here, as a live trial counts from the
 * neutral hold it was prompted to make just before it.
 */
export interface StartStretch {
  readonly fromFrame: number;
  readonly toFrame: number;
  /** The frames within the still band (outliers — a keypoint jumping for a frame — left out). */
  readonly frames: readonly number[];
  readonly deg: number;
}

/** One movement out of neutral and back: a trial if it has a hold (or was spoiled on the way). */
export interface Excursion {
  readonly side: Side;
  readonly direction: Direction;
  /** The still window the excursion was found from (≥ 0.8 s); several trials in a row may share it. */
  readonly neutral: FrameWindow;
  /** The start position just before this trial: what it counts from (startStretch). */
  readonly start: StartStretch;
  /** The still hold farthest past neutral (≥ 1.5 s), or null: a false start or a spoiled trial. */
  readonly hold: FrameWindow | null;
  /** First frame after the neutral window: the trial's compensation checks start here. */
  readonly startFrame: number;
  /** The frame that came back within reach of neutral. */
  readonly endFrame: number;
  /** Farthest reading past neutral in the trial's direction (degrees) and its frame. */
  readonly peakDevDeg: number;
  readonly peakFrame: number;
}

/**
 * An excursion that has not come back after this long is not a trial but a new position (the person
 * changed legs or shifted on the bench, and this leg now rests elsewhere): its level becomes the neutral.
 * Live holds need 1.5 s; a slow turn, a 5 s hold and the way back take well under 20 s.
 */
export const MAX_EXCURSION_MS = 20000;

/**
 * The shortest still window, in video, that a recording's neutral may be. Live asks for 1 s because it prompts
 * "hold still" and waits; a person following no prompt often settles and turns within a second, and the pose
 * model's lag takes ≈ 0.1–0.2 s off each still (at 10 fps a 1 s still reads 8–9 frames). 0.8 s is still long
 * enough to tell a rest from a turn's end: a stop part-way out is ≥ 5° past the neutral and never taken for one.
 */
export const RECORDING_NEUTRAL_MS = 800;

const STILL = {
  sdDeg: STILLNESS.sdDeg.value,
  maxDevDeg: STILLNESS.maxDevDeg.value,
  maxGapMs: TIMING.dropoutMs.value,
};

/**
 * How much video a still window shows: n frames cover n frame intervals, one more than the time from the
 * first to the last. At 30 fps that is 33 ms more than live's first-to-last measure; at a phone's or the
 * rig's 10 fps it is 100 ms, and a 1.5 s hold seen through the model's smoothing lag otherwise reads 1.4 s.
 */
export const videoMs = (w: StillWindow): number =>
  w.count > 1 ? (w.durationMs * w.count) / (w.count - 1) : 0;

/**
 * How much of the start position a trial's zero is read from: about the live test's 1 s neutral hold. The
 * start is found in a shorter window (START_FIND_MS) because between trials a person following no prompt
 * often rests for about a second, and the model's lag takes a little off that.
 */
export const START_STRETCH_MS = 1000;
export const START_FIND_MS = 600;
/** Fewest frames a start position is read from (4 frames at the rig's 10 fps is 0.4 s). */
const START_MIN_FRAMES = 4;

interface Sample {
  readonly tMs: number;
  readonly deg: number;
}

/**
 * The start position just before a trial: going back from where the leg reached its hold (`hi`, exclusive) to
 * no earlier than `lo`, the latest ~0.6 s whose readings mostly (≥ 60 %, ≥ 4 frames) lie within the still band
 * of their median, within MOVEMENT.startOffMaxDeg of zero and at least a trial's minimum range short of the hold.
 * Then its last second, the frames within the band. Why not a still window: between trials the leg may rest for
 * only a second, and the model misreads the resting leg for a frame now and then (a knee keypoint jumping 20°),
 * which breaks a still window but hardly moves a median. Why not the neutral the excursion was found from: that may
 * be a rest seconds earlier in another pose (prone, the leg lying flat while the other leg is tested), and it reads
 * differently from the start position a person takes for the trial. Null when there is none: the trial then
 * counts from the previous trial's start position, or else from its neutral window (legExcursions).
 */
export function startStretch(
  samples: readonly Sample[],
  lo: number,
  hi: number,
  holdDeg: number,
  sign: number,
): { fromIdx: number; toIdx: number; idx: number[]; deg: number } | null {
  const band = STILLNESS.maxDevDeg.value;
  for (let e = hi - 1; e >= lo; e--) {
    const win = range(samples, lo, e, START_FIND_MS);
    if (win.length < START_MIN_FRAMES) continue;
    const m = median(win.map((k) => samples[k]!.deg));
    const inBand = win.filter((k) => Math.abs(samples[k]!.deg - m) <= band);
    if (inBand.length < Math.max(START_MIN_FRAMES, 0.6 * win.length)) continue;
    if (Math.abs(m) > MOVEMENT.startOffMaxDeg.value) continue;
    if (sign * (holdDeg - m) < MOVEMENT.minRangeDeg.value) continue;
    const idx = range(samples, lo, e, START_STRETCH_MS).filter((k) => Math.abs(samples[k]!.deg - m) <= band);
    return { fromIdx: idx[0]!, toIdx: idx.at(-1)!, idx, deg: median(idx.map((k) => samples[k]!.deg)) };
  }
  return null;
}

/** Sample indices in [lo, e] within `spanMs` before sample e, stopping at a gap longer than the dropout limit. */
function range(samples: readonly Sample[], lo: number, e: number, spanMs: number): number[] {
  const out = [e];
  for (let k = e - 1; k >= lo; k--) {
    if (samples[e]!.tMs - samples[k]!.tMs > spanMs) break;
    if (samples[k + 1]!.tMs - samples[k]!.tMs > TIMING.dropoutMs.value) break;
    out.unshift(k);
  }
  return out;
}

/** The excursions of one leg over the whole recording, in time order. */
export function legExcursions(side: Side, readings: readonly LegReading[]): Excursion[] {
  const idx: number[] = [];
  const samples = readings.flatMap((r, i) => {
    if (!r.frame) return [];
    idx.push(i);
    return [{ tMs: r.tMs, deg: r.frame.deg, confidence: r.frame.confidence }];
  });
  const windows: FrameWindow[] = stillWindows(samples, STILL).map((w) => ({
    ...w,
    fromFrame: idx[w.startIdx]!,
    toFrame: idx[w.endIdx]!,
  }));
  const isNeutral = (w: FrameWindow) =>
    videoMs(w) >= RECORDING_NEUTRAL_MS && Math.abs(w.meanDeg) <= MOVEMENT.startOffMaxDeg.value;
  const deg = (k: number) => samples[k]!.deg;
  const out: Excursion[] = [];
  let ref: FrameWindow | null = null;
  let pos = 0; // sample index from which the next excursion is sought
  // Sample index where the previous trial (an excursion with a hold) came back: the next start is sought after
  // it. A false start does not count: a keypoint jumping for a frame or two makes one, inside a start position.
  let lastBack = 0;
  let lastStart: StartStretch | null = null;
  for (;;) {
    if (!ref) {
      ref = windows.find((w) => w.startIdx >= pos && isNeutral(w)) ?? null;
      if (!ref) break;
      pos = ref.endIdx + 1;
    }
    // The level a turn is measured from: the neutral window, or the start position of the trial before when that
    // came later (the person rests a little differently between trials; the model may read a long rest in
    // another pose quite differently from the start position).
    const mu: number = lastStart && lastStart.toFrame > ref.toFrame ? lastStart.deg : ref.meanDeg;
    const from = pos;
    let leave = pos;
    while (leave < samples.length && Math.abs(deg(leave) - mu) < MOVEMENT.minRangeDeg.value) leave++;
    // The person may settle again before moving: the neutral is the still window just before the trial.
    const later = windows.filter((w) => w.startIdx >= pos && w.endIdx < leave && isNeutral(w)).at(-1);
    if (later) {
      ref = later;
      pos = later.endIdx + 1;
      continue;
    }
    if (leave >= samples.length) break;
    const sign = deg(leave) > mu ? 1 : -1;
    let peak = leave;
    let back = leave + 1;
    for (; back < samples.length; back++) {
      const dev = sign * (deg(back) - mu);
      const peakDev = sign * (deg(peak) - mu);
      if (dev <= Math.min(MOVEMENT.returnDeg.value, peakDev / 2)) break;
      if (dev > peakDev) peak = back;
    }
    // A hold is still for 1.5 s, past neutral by the trial's minimum range, and itself rotated that far in
    // the trial's direction (internal positive): a leg settling from a crooked rest back toward zero is not
    // a trial in the other direction.
    const outward = (w: FrameWindow) =>
      sign * (w.meanDeg - mu) >= MOVEMENT.minRangeDeg.value && sign * w.meanDeg >= MOVEMENT.minRangeDeg.value;
    const isHold = (w: FrameWindow) => outward(w) && videoMs(w) >= TIMING.holdMs.value;
    const inside = windows.filter((w) => w.startIdx >= pos && w.startIdx > ref!.endIdx && w.endIdx < back);
    const first = inside.find((w) => isHold(w) || (isNeutral(w) && !outward(w)));
    if (first && !isHold(first)) {
      // Still again, near zero, before any hold: the leg has a new resting position (the other leg's trial
      // moved it, the person shifted or swapped legs). That is the neutral from now on.
      ref = first;
      pos = first.endIdx + 1;
      continue;
    }
    const lastMs = samples[Math.min(back, samples.length - 1)]!.tMs;
    if (lastMs - samples[leave]!.tMs > MAX_EXCURSION_MS) {
      // Away this long without coming back: a new position, not a trial. Look for the neutral there.
      ref = null;
      pos = leave;
      continue;
    }
    // A trial ends by coming back; a clip that ends mid-trial (or a leg that stays elsewhere) has none.
    if (back >= samples.length) break;
    // End range is the farthest position held (a person may stop part-way, then turn further).
    const hold = inside
      .filter(isHold)
      .reduce<FrameWindow | null>(
        (best, w) => (!best || sign * w.meanDeg > sign * best.meanDeg ? w : best),
        null,
      );
    // The start position just before the turn: after the previous excursion came back, or in the neutral.
    const reached = hold ? hold.startIdx : peak;
    const found = startStretch(
      samples,
      Math.max(lastBack, ref.startIdx),
      reached,
      hold?.meanDeg ?? deg(peak),
      sign,
    );
    // None found (the leg barely paused, or the model misread it all the while): the latest start position
    // known, the previous trial's when that was in or after the neutral window.
    const start: StartStretch = found
      ? {
          fromFrame: idx[found.fromIdx]!,
          toFrame: idx[found.toIdx]!,
          frames: found.idx.map((k) => idx[k]!),
          deg: found.deg,
        }
      : lastStart && lastStart.toFrame >= ref.fromFrame
        ? lastStart
        : {
            fromFrame: ref.fromFrame,
            toFrame: ref.toFrame,
            frames: idx.slice(ref.startIdx, ref.endIdx + 1),
            deg: ref.meanDeg,
          };
    if (hold) lastStart = start;
    // After an earlier trial from the same neutral, this one starts where that one came back, or after its
    // own start position when that came later.
    const after = from === ref.endIdx + 1 ? ref.toFrame + 1 : idx[from]!;
    if (hold) lastBack = back;
    out.push({
      side,
      direction: sign > 0 ? 'internal' : 'external',
      neutral: ref,
      start,
      hold,
      startFrame: Math.max(after, start.toFrame + 1),
      endFrame: idx[back]!,
      peakDevDeg: sign * (deg(peak) - mu),
      peakFrame: idx[peak]!,
    });
    // The next trial starts from neutral (or swings straight through it to the other side).
    pos = back;
    while (pos < samples.length && sign * (deg(pos) - mu) >= MOVEMENT.minRangeDeg.value) pos++;
  }
  return out;
}
