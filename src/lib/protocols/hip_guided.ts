// The guided hip rotation test (seated, supine 90/90, prone) as data plus a pure step function:
// setup check → hold still in neutral → move to end range → hold → return, three trials per direction,
// internal then external rotation, then the other side. Time is the frames' tMs; nothing here reads a clock.
import { DEFAULT_METHOD, type HipMethod } from '../geometry';
import type { Pose, Side } from '../types';
import {
  frameCompensations,
  lowConfidence,
  mergeCompensations,
  outOfFrame,
  type NeutralRef,
} from './compensations';
import { readHipFrame, type HipFrame } from './hip_frame';
import * as say from './hip_prompts';
import { hipTestResult } from './hip_result';
import { MOVEMENT, POSTURE, STILLNESS, TIMING, TRIALS } from './limits';
import { stillSuffix, type AngleSample } from './stillness';
import type { Compensation, Direction, HipTestId, HipTestResult, Prompt, Protocol, Trial } from './types';

export type HipPhase = 'setup' | 'neutral' | 'move' | 'hold' | 'return' | 'done';

export interface HipOptions {
  readonly test: HipTestId;
  /** Order of sides; default right then left. */
  readonly sides?: readonly Side[];
  /** Default internal then external rotation. */
  readonly directions?: readonly Direction[];
  readonly trials?: number;
  readonly method?: HipMethod;
}

export interface PlanStep {
  readonly side: Side;
  readonly direction: Direction;
}

export interface HipState {
  readonly test: HipTestId;
  readonly method: HipMethod;
  readonly trialsPerDirection: number;
  readonly plan: readonly PlanStep[];
  readonly stepIdx: number;
  readonly phase: HipPhase;
  readonly phaseSinceMs: number;
  readonly startedMs: number;
  readonly endedMs: number | null;
  /** Recent measurable samples of the leg under test (a few seconds). */
  readonly samples: readonly AngleSample[];
  /** The last few measurable frames: compensation checks use their median, not one noisy frame. */
  readonly recent: readonly HipFrame[];
  readonly lastMeasurableMs: number | null;
  /** Why the current frame can't be measured, and since when. */
  readonly problem: string | null;
  readonly problemSinceMs: number | null;
  /** Setup: since when the start position has held. */
  readonly readySinceMs: number | null;
  readonly neutral: NeutralRef | null;
  /** Attempts recorded (valid or voided) for the current step. */
  readonly attempt: number;
  /** Farthest the leg has gone in the tested direction this trial (degrees past neutral). */
  readonly trialPeakDeg: number;
  readonly trialStartMs: number;
  readonly compensations: readonly Compensation[];
  readonly trials: readonly Trial[];
  /** When each prompt id was last said (throttling). */
  readonly said: Readonly<Record<string, number>>;
  /** For the UI: the current rotation (internal +) and how far the hold has come (0..1). */
  readonly liveDeg: number | null;
  readonly liveConfidence: number;
  readonly holdProgress: number;
  readonly lastPrompt: Prompt | null;
}

const KEEP_SAMPLES_MS = 4000;
const RECENT_FRAMES = 5;
/** A problem is said only once it has lasted this long (a one-frame dropout is not news). */
const PROBLEM_SETTLE_MS = 1500;

export function planFor(opts: HipOptions): PlanStep[] {
  const sides = opts.sides ?? ['right', 'left'];
  const directions = opts.directions ?? ['internal', 'external'];
  return sides.flatMap((side) => directions.map((direction) => ({ side, direction })));
}

export function initHip(opts: HipOptions, tMs: number): HipState {
  const plan = planFor(opts);
  if (plan.length === 0) throw new Error('a hip test needs at least one side and one direction');
  return {
    test: opts.test,
    method: opts.method ?? DEFAULT_METHOD[opts.test],
    trialsPerDirection: opts.trials ?? TRIALS.perDirection.value,
    plan,
    stepIdx: 0,
    phase: 'setup',
    phaseSinceMs: tMs,
    startedMs: tMs,
    endedMs: null,
    samples: [],
    recent: [],
    lastMeasurableMs: null,
    problem: null,
    problemSinceMs: null,
    readySinceMs: null,
    neutral: null,
    attempt: 0,
    trialPeakDeg: 0,
    trialStartMs: tMs,
    compensations: [],
    trials: [],
    said: {},
    liveDeg: null,
    liveConfidence: 0,
    holdProgress: 0,
    lastPrompt: null,
  };
}

/** Collects prompts during one step, throttled per id. */
class Speaker {
  readonly prompts: Prompt[] = [];
  said: Record<string, number>;
  constructor(
    prev: Readonly<Record<string, number>>,
    readonly tMs: number,
  ) {
    this.said = { ...prev };
  }
  /** Say `p` unless the same id was said within `minGapMs`. */
  say(p: Prompt, minGapMs = 0): void {
    const last = this.said[p.id];
    if (last !== undefined && this.tMs - last < minGapMs) return;
    this.said[p.id] = this.tMs;
    this.prompts.push(p);
  }
}

export function stepHip(
  state: HipState,
  pose: Pose | null,
  tMs: number,
): { state: HipState; prompts: Prompt[] } {
  if (state.phase === 'done') return { state, prompts: [] };
  const cur = state.plan[state.stepIdx]!;
  const sp = new Speaker(state.said, tMs);
  if (state.stepIdx === 0 && state.phase === 'setup' && Object.keys(state.said).length === 0)
    sp.say(say.setupPrompt(state.test, cur.side));

  const read = readHipFrame(pose, state.test, cur.side, state.method);
  let s: HipState = read.ok
    ? {
        ...state,
        samples: [...state.samples, { tMs, deg: read.frame.deg, confidence: read.frame.confidence }].filter(
          (x) => tMs - x.tMs <= KEEP_SAMPLES_MS,
        ),
        recent: [...state.recent, read.frame].slice(-RECENT_FRAMES),
        lastMeasurableMs: tMs,
        problem: null,
        problemSinceMs: null,
        liveDeg: read.frame.deg,
        liveConfidence: read.frame.confidence,
      }
    : {
        ...state,
        problem: read.reason,
        problemSinceMs: state.problem === null ? tMs : state.problemSinceMs,
        liveDeg: null,
        liveConfidence: 0,
      };
  if (
    !read.ok &&
    tMs - (s.problemSinceMs ?? tMs) >= PROBLEM_SETTLE_MS &&
    s.phase !== 'move' &&
    s.phase !== 'hold'
  )
    sp.say(say.problemPrompt(read.reason), TIMING.problemRepeatMs.value);

  switch (s.phase) {
    case 'setup':
      s = setup(s, read.ok ? read.frame : null, tMs, sp);
      break;
    case 'neutral':
      s = neutral(s, tMs, sp);
      break;
    case 'move':
    case 'hold':
      s = trial(s, read.ok ? read.frame : null, read.ok ? null : read.reason, tMs, sp);
      break;
    case 'return':
      s = back(s, read.ok ? read.frame : null, tMs, sp);
      break;
  }
  const prompts = sp.prompts;
  return {
    state: { ...s, said: sp.said, lastPrompt: prompts.length ? prompts[prompts.length - 1]! : s.lastPrompt },
    prompts,
  };
}

const to = (s: HipState, phase: HipPhase, tMs: number): HipState => ({
  ...s,
  phase,
  phaseSinceMs: tMs,
  holdProgress: 0,
});

function setup(s: HipState, frame: HipFrame | null, tMs: number, sp: Speaker): HipState {
  const cur = s.plan[s.stepIdx]!;
  if (!frame) return { ...s, readySinceMs: null };
  if (Math.abs(frame.deg) > MOVEMENT.neutralMaxDeg.value) {
    if (tMs - s.phaseSinceMs > PROBLEM_SETTLE_MS)
      sp.say(say.startPositionPrompt(s.test, cur.side), TIMING.problemRepeatMs.value);
    return { ...s, readySinceMs: null };
  }
  const lean = frame.trunkDeg === null ? 0 : Math.abs(Math.abs(frame.trunkDeg) - 90);
  if (lean > POSTURE.trunkOffSquareDeg.value) {
    if (tMs - s.phaseSinceMs > PROBLEM_SETTLE_MS)
      sp.say(say.posturePrompt(s.test, lean), TIMING.problemRepeatMs.value);
    return { ...s, readySinceMs: null };
  }
  const since = s.readySinceMs ?? tMs;
  if (tMs - since < TIMING.setupMs.value) return { ...s, readySinceMs: since };
  sp.say(say.holdStillPrompt(false));
  return { ...to(s, 'neutral', tMs), readySinceMs: null };
}

function neutral(s: HipState, tMs: number, sp: Speaker): HipState {
  const cur = s.plan[s.stepIdx]!;
  const run = stillSuffix(
    s.samples.filter((x) => x.tMs >= s.phaseSinceMs),
    { sdDeg: STILLNESS.sdDeg.value, maxDevDeg: STILLNESS.maxDevDeg.value },
  );
  if (run && run.durationMs >= TIMING.neutralMs.value) {
    if (Math.abs(run.meanDeg) > MOVEMENT.neutralMaxDeg.value) {
      sp.say(say.startPositionPrompt(s.test, cur.side), TIMING.problemRepeatMs.value);
      return s;
    }
    const ref = neutralRef(s.recent, run.meanDeg);
    sp.say(say.movePrompt(s.test, cur.side, cur.direction));
    return {
      ...to(s, 'move', tMs),
      neutral: ref,
      trialPeakDeg: 0,
      trialStartMs: tMs,
      compensations: [],
    };
  }
  if (tMs - s.phaseSinceMs > TIMING.repromptMs.value)
    sp.say(say.holdStillPrompt(false), TIMING.repromptMs.value);
  return s;
}

function trial(
  s: HipState,
  frame: HipFrame | null,
  problem: string | null,
  tMs: number,
  sp: Speaker,
): HipState {
  const cur = s.plan[s.stepIdx]!;
  const ref = s.neutral!;
  if (!frame) {
    const gap = tMs - (s.lastMeasurableMs ?? s.trialStartMs);
    if (gap <= TIMING.dropoutMs.value) return s;
    const c = outOfFrame(problem ?? 'no pose', gap, TIMING.dropoutMs.value, TIMING.dropoutMs.source, tMs);
    return voidTrial(s, mergeCompensations(s.compensations, [c]), tMs, sp, c.message);
  }
  const sign = cur.direction === 'internal' ? 1 : -1;
  s = { ...s, trialPeakDeg: Math.max(s.trialPeakDeg, sign * (frame.deg - ref.deg)) };
  const comps = mergeCompensations(s.compensations, frameCompensations(medianFrame(s.recent), ref, cur.side));
  const voiding = comps.find((c) => c.severity === 'invalid');
  if (voiding) return voidTrial(s, comps, tMs, sp, voiding.message);

  if (sign * (frame.deg - ref.deg) < -MOVEMENT.wrongWayDeg.value)
    sp.say(say.wrongWayPrompt(cur.direction), TIMING.problemRepeatMs.value);

  const run = stillSuffix(
    s.samples.filter((x) => x.tMs >= s.trialStartMs),
    { sdDeg: STILLNESS.sdDeg.value, maxDevDeg: STILLNESS.maxDevDeg.value },
  );
  const atEnd = run !== null && sign * (run.meanDeg - ref.deg) >= MOVEMENT.minRangeDeg.value;
  if (!atEnd || run.durationMs < TIMING.holdAnnounceMs.value) {
    const back = s.phase === 'hold' ? to(s, 'move', tMs) : s;
    if (tMs - back.phaseSinceMs > TIMING.repromptMs.value)
      sp.say(say.movePrompt(s.test, cur.side, cur.direction), TIMING.repromptMs.value);
    return { ...back, compensations: comps };
  }
  if (s.phase === 'move') sp.say(say.holdPrompt());
  const held: HipState = { ...(s.phase === 'move' ? to(s, 'hold', tMs) : s), compensations: comps };
  const progress = Math.min(1, run.durationMs / TIMING.holdMs.value);
  if (progress < 1) return { ...held, holdProgress: progress };

  const low = lowConfidence(run.meanConfidence, tMs);
  const finalComps = low ? mergeCompensations(comps, [low]) : comps;
  const t: Trial = {
    side: cur.side,
    direction: cur.direction,
    attempt: s.attempt + 1,
    valueDeg: Math.round(sign * run.meanDeg * 10) / 10,
    // Keypoint confidence, reduced when the hold was shaky (sd near the stillness limit).
    confidence: Math.round(run.meanConfidence * (1 - 0.3 * (run.sdDeg / STILLNESS.sdDeg.value)) * 100) / 100,
    neutralDeg: Math.round(ref.deg * 10) / 10,
    startMs: s.trialStartMs,
    endMs: tMs,
    valid: true,
    compensations: finalComps,
  };
  const trials = [...s.trials, t];
  const done = validCount(trials, cur);
  sp.say(say.trialDonePrompt(done, s.trialsPerDirection));
  return { ...to(held, 'return', tMs), trials, attempt: s.attempt + 1, holdProgress: 1 };
}

/**
 * A trial spoiled by a compensation or a lost leg. It counts as an attempt (and is repeated) only once the
 * leg had started into the tested direction: a false start, or a turn the wrong way, is simply restarted.
 */
function voidTrial(
  s: HipState,
  comps: readonly Compensation[],
  tMs: number,
  sp: Speaker,
  why: string,
): HipState {
  const cur = s.plan[s.stepIdx]!;
  if (s.trialPeakDeg < MOVEMENT.minRangeDeg.value) {
    sp.say(say.problemPrompt(why.replace(/\.$/, '')), TIMING.problemRepeatMs.value);
    return { ...to(s, 'return', tMs), compensations: [] };
  }
  const t: Trial = {
    side: cur.side,
    direction: cur.direction,
    attempt: s.attempt + 1,
    valueDeg: null,
    confidence: 0,
    neutralDeg: Math.round((s.neutral?.deg ?? 0) * 10) / 10,
    startMs: s.trialStartMs,
    endMs: tMs,
    valid: false,
    compensations: comps,
  };
  sp.say(say.repeatPrompt(why));
  return { ...to(s, 'return', tMs), trials: [...s.trials, t], attempt: s.attempt + 1, compensations: [] };
}

function back(s: HipState, frame: HipFrame | null, tMs: number, sp: Speaker): HipState {
  if (!frame || Math.abs(frame.deg - (s.neutral?.deg ?? 0)) > MOVEMENT.returnDeg.value) return s;
  const cur = s.plan[s.stepIdx]!;
  const enough =
    validCount(s.trials, cur) >= s.trialsPerDirection ||
    s.attempt >= s.trialsPerDirection + TRIALS.extraAttempts.value;
  if (!enough) {
    sp.say(say.holdStillPrompt(true));
    return to(s, 'neutral', tMs);
  }
  return advance(s, tMs, sp);
}

/** On to the next direction or side, or done. */
function advance(s: HipState, tMs: number, sp: Speaker): HipState {
  const cur = s.plan[s.stepIdx]!;
  const nextIdx = s.stepIdx + 1;
  const next = s.plan[nextIdx];
  if (!next) {
    sp.say(say.donePrompt());
    return { ...to(s, 'done', tMs), endedMs: tMs };
  }
  const moved: HipState = { ...s, stepIdx: nextIdx, attempt: 0, neutral: null, compensations: [] };
  if (next.side !== cur.side) {
    sp.say(say.nextSidePrompt(s.test, next.side));
    return { ...to(moved, 'setup', tMs), samples: [], recent: [], readySinceMs: null };
  }
  sp.say(say.nextDirectionPrompt(s.test, next.side, next.direction));
  return to(moved, 'neutral', tMs);
}

const validCount = (trials: readonly Trial[], step: PlanStep): number =>
  trials.filter((t) => t.valid && t.side === step.side && t.direction === step.direction).length;

const median = (xs: readonly number[]): number => {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
};

/** Per-feature median of the last few frames: one noisy keypoint does not make a compensation. */
export function medianFrame(frames: readonly HipFrame[]): HipFrame {
  const last = frames[frames.length - 1]!;
  const trunks = frames.map((f) => f.trunkDeg).filter((x): x is number => x !== null);
  return {
    ...last,
    knee: { x: median(frames.map((f) => f.knee.x)), y: median(frames.map((f) => f.knee.y)) },
    shankPx: median(frames.map((f) => f.shankPx)),
    hipLineDeg: median(frames.map((f) => f.hipLineDeg)),
    trunkDeg: last.trunkDeg === null || trunks.length === 0 ? null : median(trunks),
  };
}

function neutralRef(frames: readonly HipFrame[], deg: number): NeutralRef {
  const m = medianFrame(frames);
  return { deg, knee: m.knee, shankPx: m.shankPx, hipLineDeg: m.hipLineDeg, trunkDeg: m.trunkDeg };
}

/** The person asks to skip what is being measured now (e.g. cannot do external rotation). */
export function skipStep(s: HipState, tMs: number): { state: HipState; prompts: Prompt[] } {
  if (s.phase === 'done') return { state: s, prompts: [] };
  const sp = new Speaker(s.said, tMs);
  const st = advance(s, tMs, sp);
  return {
    state: { ...st, said: sp.said, lastPrompt: sp.prompts.at(-1) ?? st.lastPrompt },
    prompts: sp.prompts,
  };
}

/** Ends the test now: the result holds whatever trials were completed. */
export function finishHip(s: HipState, tMs: number): HipState {
  return s.phase === 'done' ? s : { ...to(s, 'done', tMs), endedMs: tMs };
}

export function hipResult(s: HipState): HipTestResult | null {
  if (s.trials.length === 0 && s.phase !== 'done') return null;
  return hipTestResult(
    s.test,
    s.method,
    s.plan,
    s.trials,
    s.startedMs,
    s.endedMs ?? s.phaseSinceMs,
    s.trialsPerDirection,
  );
}

/** The guided hip test as a Protocol (protocols/types.ts). */
export function hipProtocol(opts: HipOptions): Protocol<HipState, HipTestResult> {
  return {
    init: (tMs) => initHip(opts, tMs),
    step: stepHip,
    result: hipResult,
  };
}
