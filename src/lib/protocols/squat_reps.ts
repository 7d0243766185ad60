// Squat repetitions from a depth signal (hip drop as a fraction of leg length, geometry/hip_drop.ts)
// and the frames' timestamps. Pure and incremental: step(state, depth | null, tMs) → { state, event }.
// Hysteresis between "standing" and "descending" keeps jitter from counting; a rep only counts once the
// person is back up, took long enough, and went deep enough; gaps (no person, hidden hips) are tolerated
// up to maxGapMs.

export interface RepDetectorOptions {
  /** Depth that starts a descent (leaving standing). */
  readonly descentDepth: number;
  /** Depth a rep must reach to count; shallower dips are half reps. */
  readonly minRepDepth: number;
  /** Back within this depth of the standing baseline = standing again. */
  readonly standDepth: number;
  /** Risen this far above the deepest point = the ascent has begun (the bottom is known). */
  readonly ascentRise: number;
  /** Shorter reps (first leaving standing → back to standing) are bounces or noise, not reps. */
  readonly minRepMs: number;
  /** Without a depth for longer than this, a rep in progress is abandoned. */
  readonly maxGapMs: number;
}

/**
 * Double-leg squats: a 45–60° knee bend drops the hips ≈ 0.08–0.13 of a leg, 90° ≈ 0.3. Keypoint noise
 * is ≈ 0.01 of a leg, so 0.04 / 0.08 leave room for it.
 */
export const DOUBLE_LEG_REPS: RepDetectorOptions = {
  descentDepth: 0.08,
  minRepDepth: 0.15,
  standDepth: 0.04,
  ascentRise: 0.03,
  minRepMs: 600,
  maxGapMs: 1000,
};

/** Single-leg squats are shallower (clinically to ≈ 45–60° of knee flexion). */
export const SINGLE_LEG_REPS: RepDetectorOptions = {
  descentDepth: 0.05,
  minRepDepth: 0.08,
  standDepth: 0.025,
  ascentRise: 0.02,
  minRepMs: 600,
  maxGapMs: 1000,
};

export type RepPhase = 'standing' | 'descent' | 'ascent';

export interface DepthSample {
  readonly tMs: number;
  readonly depth: number;
}

export interface RepDetectorState {
  readonly phase: RepPhase;
  /** Last time the person was seen standing (the start of the next rep). */
  readonly lastStandingMs: number | null;
  /** Start of the rep in progress. */
  readonly startMs: number | null;
  readonly deepest: DepthSample | null;
  readonly lastSeenMs: number | null;
  readonly count: number;
}

export interface Rep {
  /** 1-based. */
  readonly index: number;
  readonly startMs: number;
  readonly bottom: DepthSample;
  readonly endMs: number;
}

export type DiscardReason = 'too-shallow' | 'too-fast' | 'lost';

export type RepEvent =
  | { readonly kind: 'descent'; readonly tMs: number }
  | { readonly kind: 'bottom'; readonly bottom: DepthSample }
  | { readonly kind: 'rep'; readonly rep: Rep }
  | {
      readonly kind: 'discarded';
      readonly reason: DiscardReason;
      readonly startMs: number;
      readonly tMs: number;
      readonly deepest: DepthSample;
    };

export interface RepStep {
  readonly state: RepDetectorState;
  readonly event: RepEvent | null;
}

export function initRepDetector(): RepDetectorState {
  return {
    phase: 'standing',
    lastStandingMs: null,
    startMs: null,
    deepest: null,
    lastSeenMs: null,
    count: 0,
  };
}

const standing = (s: RepDetectorState, tMs: number | null): RepDetectorState => ({
  ...s,
  phase: 'standing',
  startMs: null,
  deepest: null,
  lastStandingMs: tMs,
});

/** One sample. `depth` null: no usable depth in this frame (missing joints or no person). */
export function stepRepDetector(
  state: RepDetectorState,
  depth: number | null,
  tMs: number,
  opts: RepDetectorOptions,
): RepStep {
  if (depth === null || !Number.isFinite(depth)) {
    const gapMs = state.lastSeenMs === null ? 0 : tMs - state.lastSeenMs;
    if (state.phase !== 'standing' && gapMs > opts.maxGapMs)
      return { state: standing(state, null), event: discard(state, 'lost', tMs) };
    return { state, event: null };
  }
  if (state.phase !== 'standing' && state.lastSeenMs !== null && tMs - state.lastSeenMs > opts.maxGapMs) {
    // Frames stopped coming mid-rep (dropped upstream rather than sent as null): same as a gap.
    const after = { ...standing(state, depth <= opts.standDepth ? tMs : null), lastSeenMs: tMs };
    return { state: after, event: discard(state, 'lost', tMs) };
  }
  const s: RepDetectorState = { ...state, lastSeenMs: tMs };
  if (s.phase === 'standing') {
    if (depth >= opts.descentDepth) {
      const startMs = s.lastStandingMs ?? tMs;
      return {
        state: { ...s, phase: 'descent', startMs, deepest: { tMs, depth } },
        event: { kind: 'descent', tMs: startMs },
      };
    }
    return { state: depth <= opts.standDepth ? { ...s, lastStandingMs: tMs } : s, event: null };
  }
  const deepest = s.deepest && s.deepest.depth >= depth ? s.deepest : { tMs, depth };
  if (depth <= opts.standDepth) return finish({ ...s, deepest }, tMs, opts);
  if (s.phase === 'descent') {
    const rising = deepest.depth >= opts.minRepDepth && depth <= deepest.depth - opts.ascentRise;
    return rising
      ? { state: { ...s, deepest, phase: 'ascent' }, event: { kind: 'bottom', bottom: deepest } }
      : { state: { ...s, deepest }, event: null };
  }
  // Ascending, but went deeper than the bottom again (a second dip): back to descending.
  return { state: { ...s, deepest, phase: deepest === s.deepest ? 'ascent' : 'descent' }, event: null };
}

/** Back to standing: a rep if it went deep enough and took long enough, else discarded. */
function finish(s: RepDetectorState, tMs: number, opts: RepDetectorOptions): RepStep {
  const startMs = s.startMs ?? tMs;
  if (s.deepest!.depth < opts.minRepDepth)
    return { state: standing(s, tMs), event: discard(s, 'too-shallow', tMs) };
  if (tMs - startMs < opts.minRepMs) return { state: standing(s, tMs), event: discard(s, 'too-fast', tMs) };
  const rep: Rep = { index: s.count + 1, startMs, bottom: s.deepest!, endMs: tMs };
  return { state: { ...standing(s, tMs), count: rep.index }, event: { kind: 'rep', rep } };
}

function discard(s: RepDetectorState, reason: DiscardReason, tMs: number): RepEvent {
  return {
    kind: 'discarded',
    reason,
    startMs: s.startMs ?? tMs,
    tMs,
    deepest: s.deepest ?? { tMs, depth: 0 },
  };
}
