// The guided hip rotation test (seated, supine 90/90, prone) as data plus a pure step function:
// setup check → hold still in neutral → move to end range → hold → return, three trials per direction,
// internal then external rotation, then the other side. Time is the frames' tMs; nothing here reads a clock.
import type { Pose } from '../types';
import { askStall, isStalled, resume, skipStuck, waitChoice } from './hip_choice';
import { HIPS_SWAPPED_REASON, hipsSwapped } from './compensations';
import { readHipFrame, type HipFrame } from './hip_frame';
import { neutralReading, trialReading, trialZeroDeg } from './hip_trial_reading';
import { advance, back, neutral, setup, trial } from './hip_phases';
import * as say from './hip_prompts';
import { hipTestResult } from './hip_result';
import {
  initHip,
  KEEP_SAMPLES_MS,
  PROBLEM_SETTLE_MS,
  RECENT_FRAMES,
  to,
  type HipOptions,
  type HipState,
} from './hip_state';
import { TIMING } from './limits';
import { Speaker } from './speaker';
import type { HipTestResult, Prompt, Protocol } from './types';

export {
  initHip,
  planFor,
  type HipChoice,
  type HipOptions,
  type HipPhase,
  type HipState,
  type PlanStep,
} from './hip_state';
export { medianFrame } from './hip_phases';

/** The recent frames read since the neutral hold began (samples and frames are kept together, one per read frame). */
function neutralFrames(s: HipState): readonly HipFrame[] {
  const n = s.samples.filter((x) => x.tMs >= s.phaseSinceMs).length;
  return n === 0 ? [] : s.recent.slice(-n);
}

export function stepHip(
  state: HipState,
  pose: Pose | null,
  tMs: number,
): { state: HipState; prompts: Prompt[] } {
  if (state.phase === 'done') return { state, prompts: [] };
  const cur = state.plan[state.stepIdx]!;
  const sp = new Speaker(state.said, tMs);
  // Nothing said yet: a new test, or one resumed after a reload (hip_snapshot.ts), starts with the set-up.
  if (state.phase === 'setup' && Object.keys(state.said).length === 0)
    sp.say(say.setupPrompt(state.test, cur.side));

  const raw = readHipFrame(pose, state.test, cur.side, state.method, { otherLeg: true });
  // During a trial, a frame whose hips the model named the other way round reads the wrong leg's sign: unreadable.
  const swapped =
    raw.ok && state.neutral && hipsSwapped(raw.frame, state.neutral)
      ? ({ ok: false, reason: HIPS_SWAPPED_REASON } as const)
      : raw;
  // In a trial (after its neutral), seated: the knee pinned where the neutral had it (hip_trial_reading.ts).
  const inTrial = state.phase === 'move' || state.phase === 'hold' || state.phase === 'return';
  const read =
    swapped.ok && inTrial && state.neutral
      ? trialReading(swapped.frame, state.neutral, state.test)
      : swapped.ok && state.phase === 'neutral'
        ? { ok: true as const, frame: neutralReading(swapped.frame, neutralFrames(state), state.test) }
        : swapped;
  // What the person sees: the turn since the neutral hold (the value a trial records).
  const shownDeg = (deg: number) => (inTrial && state.neutral ? deg - trialZeroDeg(state.neutral) : deg);
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
        liveDeg: shownDeg(read.frame.deg),
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

  // A step that got nowhere for too long stops and asks (hip_choice.ts askStall), whatever phase it is stuck in.
  if (isStalled(s, tMs)) s = askStall(s, tMs, sp);
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
    case 'choice':
      s = waitChoice(s, tMs, sp, advance);
      break;
  }
  const prompts = sp.prompts;
  return {
    state: { ...s, said: sp.said, lastPrompt: prompts.length ? prompts[prompts.length - 1]! : s.lastPrompt },
    prompts,
  };
}

/** The person asks to skip what is being measured now (e.g. cannot do external rotation). */
export function skipStep(s: HipState, tMs: number): { state: HipState; prompts: Prompt[] } {
  if (s.phase === 'done') return { state: s, prompts: [] };
  const sp = new Speaker(s.said, tMs);
  // Skipping a direction that kept voiding files why, so the result says it rather than "not measured".
  const st = s.phase === 'choice' ? skipStuck(s, tMs, sp, false, advance) : advance(s, tMs, sp);
  return {
    state: { ...st, said: sp.said, lastPrompt: sp.prompts.at(-1) ?? st.lastPrompt },
    prompts: sp.prompts,
  };
}

/**
 * The person's answer once the same void kept coming back (phase 'choice'): try again, or accept that
 * compensation flagged for this direction. Skipping is `skipStep`. Ignored in any other phase.
 */
export function chooseHip(
  s: HipState,
  choice: 'retry' | 'accept',
  tMs: number,
): { state: HipState; prompts: Prompt[] } {
  const sp = new Speaker(s.said, tMs);
  const st = resume(s, choice, tMs, sp);
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
    s.skipNotes,
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
