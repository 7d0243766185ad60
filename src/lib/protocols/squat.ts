// The squat screen as a Protocol (protocols/types.ts): setup (frontal view, whole body in view, a still
// second standing for the baseline) → reps (counted from the hip drop, each measured at its deepest
// point) → done after targetReps or when told to finish. Pure: the caller passes every pose and tMs.
import { meanBaseline, standingBaseline, type StandingBaseline } from '../geometry/standing_baseline';
import { classifyView } from '../geometry/view';
import { length, sub } from '../geometry/vec2';
import type { JointName, Pose } from '../types';
import { measuredLegs, measureSquatFrame } from './squat_frame';
import { SQUAT_LIMITS } from './squat_limits';
import { SQUAT_PROMPTS } from './squat_prompts';
import { repValues } from './squat_rep_values';
import {
  DOUBLE_LEG_REPS,
  initRepDetector,
  SINGLE_LEG_REPS,
  stepRepDetector,
  type RepEvent,
} from './squat_reps';
import { fppaAsymmetry, kneeInSummary, legSummary, spread } from './squat_summary';
import type { SquatOptions, SquatResult, SquatState, SquatVariant } from './squat_types';
import type { Prompt, Protocol, StepOutput } from './types';

export const DEFAULT_SQUAT_OPTIONS: SquatOptions = {
  variant: 'double',
  targetReps: 5,
  baselineMs: 1000,
  stillTolerance: 0.03,
  minVisibleScore: 0.5,
  bottomBand: 0.6,
  reps: DOUBLE_LEG_REPS,
};

/** Options with defaults filled in (rep thresholds follow the variant); throws naming a bad value. */
export function squatOptions(partial: Partial<SquatOptions> = {}): SquatOptions {
  const variant: SquatVariant = partial.variant ?? 'double';
  const o: SquatOptions = {
    ...DEFAULT_SQUAT_OPTIONS,
    reps: variant === 'double' ? DOUBLE_LEG_REPS : SINGLE_LEG_REPS,
    ...partial,
    variant,
  };
  const bad = (name: string, v: unknown) => new Error(`squat option ${name} = ${String(v)} is not valid`);
  if (!['double', 'single-left', 'single-right'].includes(o.variant)) throw bad('variant', o.variant);
  if (!Number.isInteger(o.targetReps) || o.targetReps < 1) throw bad('targetReps', o.targetReps);
  if (!(o.baselineMs >= 0)) throw bad('baselineMs', o.baselineMs);
  if (!(o.stillTolerance > 0)) throw bad('stillTolerance', o.stillTolerance);
  if (!(o.minVisibleScore >= 0 && o.minVisibleScore <= 1)) throw bad('minVisibleScore', o.minVisibleScore);
  if (!(o.bottomBand > 0 && o.bottomBand <= 1)) throw bad('bottomBand', o.bottomBand);
  const r = o.reps;
  if (!(r.standDepth < r.descentDepth && r.descentDepth <= r.minRepDepth))
    throw bad('reps (standDepth < descentDepth ≤ minRepDepth)', JSON.stringify(r));
  return o;
}

export function initSquat(options: SquatOptions, tMs: number): SquatState {
  return {
    options,
    phase: 'setup',
    startedMs: tMs,
    endedMs: null,
    stillFrames: [],
    stillSinceMs: null,
    baseline: null,
    baselineView: null,
    detector: initRepDetector(),
    live: null,
    livePoseTMs: null,
    repFrames: [],
    reps: [],
    discarded: { tooShallow: 0, tooFast: 0, lost: 0 },
    said: null,
    warnedTurned: false,
  };
}

export function stepSquat(state: SquatState, pose: Pose | null, tMs: number): StepOutput<SquatState> {
  if (state.phase === 'done') return { state, prompts: [] };
  return state.phase === 'setup' ? stepSetup(state, pose, tMs) : stepReps(state, pose, tMs);
}

/** Ends the test now (the person or the trainer says so): the result keeps the reps counted so far. */
export function finishSquat(state: SquatState, tMs: number): StepOutput<SquatState> {
  if (state.phase === 'done') return { state, prompts: [] };
  return {
    state: { ...state, phase: 'done', endedMs: tMs },
    prompts: [SQUAT_PROMPTS.done(state.reps.length)],
  };
}

/** Say `prompt` unless it was the last thing said, less than repromptMs ago. */
function say(state: SquatState, prompt: Prompt, tMs: number): StepOutput<SquatState> {
  const recent = state.said?.id === prompt.id && tMs - state.said.tMs < SQUAT_LIMITS.repromptMs.value;
  return recent
    ? { state, prompts: [] }
    : { state: { ...state, said: { id: prompt.id, tMs } }, prompts: [prompt] };
}

/** Setup needs the whole body: shoulders (trunk lean), hips, knees and ankles of both legs (the baseline). */
const REQUIRED: readonly JointName[] = [
  'left_shoulder',
  'right_shoulder',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
];

function stepSetup(state: SquatState, pose: Pose | null, tMs: number): StepOutput<SquatState> {
  const reset = { ...state, stillFrames: [], stillSinceMs: null };
  if (!pose) return say(reset, SQUAT_PROMPTS.findPerson(), tMs);
  const hidden = REQUIRED.filter((n) => !((pose.joints[n]?.score ?? 0) >= state.options.minVisibleScore));
  if (hidden.length > 0)
    return say(reset, SQUAT_PROMPTS.showBody(hidden.map((n) => n.replace('_', ' ')).join(', ')), tMs);
  if (classifyView(pose).view !== 'frontal') return say(reset, SQUAT_PROMPTS.faceCamera(), tMs);
  // Baseline on both feet, for the single-leg variants too: it only sets depth 0 and the leg length.
  const b = standingBaseline(pose);
  if ('reason' in b) return say(reset, SQUAT_PROMPTS.showBody(b.reason), tMs);
  const anchor = state.stillFrames[0];
  const still =
    anchor && length(sub(b.hipMid, anchor.hipMid)) <= state.options.stillTolerance * anchor.legLengthPx;
  const frames: StandingBaseline[] = still ? [...state.stillFrames, b] : [b];
  const since = still ? (state.stillSinceMs ?? tMs) : tMs;
  const next = { ...state, stillFrames: frames, stillSinceMs: since };
  if (tMs - since < state.options.baselineMs)
    return still ? { state: next, prompts: [] } : say(next, SQUAT_PROMPTS.standStill(), tMs);
  const ready: SquatState = {
    ...next,
    phase: 'reps',
    baseline: meanBaseline(frames),
    baselineView: classifyView(pose),
    stillFrames: [],
  };
  return say(ready, SQUAT_PROMPTS.start(state.options.variant, state.options.targetReps), tMs);
}

function stepReps(state: SquatState, pose: Pose | null, tMs: number): StepOutput<SquatState> {
  const { options } = state;
  const frame = pose ? measureSquatFrame(pose, state.baseline!, options.variant, tMs) : null;
  const measured = frame && !('reason' in frame) ? frame : null;
  const { state: detector, event } = stepRepDetector(
    state.detector,
    measured?.depth ?? null,
    tMs,
    options.reps,
  );
  // Keep the frames of a rep in progress; the event below decides what becomes of them.
  const inRep = detector.phase !== 'standing' || event?.kind === 'rep' || event?.kind === 'discarded';
  const repFrames = inRep && measured ? [...state.repFrames, measured] : state.repFrames;
  const next: SquatState = {
    ...state,
    detector,
    live: measured,
    livePoseTMs: measured ? pose!.tMs : null,
    repFrames: inRep ? repFrames : [],
  };
  return event ? onEvent(next, event, tMs) : { state: next, prompts: [] };
}

function onEvent(state: SquatState, event: RepEvent, tMs: number): StepOutput<SquatState> {
  if (event.kind === 'descent' || event.kind === 'bottom') return { state, prompts: [] };
  const cleared = { ...state, repFrames: [] };
  if (event.kind === 'discarded') {
    const d = state.discarded;
    const key =
      event.reason === 'too-shallow' ? 'tooShallow' : event.reason === 'too-fast' ? 'tooFast' : 'lost';
    const prompt = {
      tooShallow: SQUAT_PROMPTS.deeper,
      tooFast: SQUAT_PROMPTS.slower,
      lost: SQUAT_PROMPTS.lost,
    }[key]();
    return say({ ...cleared, discarded: { ...d, [key]: d[key] + 1 } }, prompt, tMs);
  }
  const { options } = state;
  const rep = repValues(event.rep, state.repFrames, measuredLegs(options.variant), options.bottomBand);
  const reps = [...state.reps, rep];
  const prompts: Prompt[] = [SQUAT_PROMPTS.repDone(rep.index)];
  const turned =
    rep.kneeCommonShift.ok && Math.abs(rep.kneeCommonShift.value) > SQUAT_LIMITS.maxKneeCommonShift.value;
  if (turned && !state.warnedTurned) prompts.push(SQUAT_PROMPTS.turned());
  const done = reps.length >= options.targetReps;
  if (done) prompts.push(SQUAT_PROMPTS.done(reps.length));
  const last = prompts.at(-1)!;
  return {
    state: {
      ...cleared,
      reps,
      warnedTurned: state.warnedTurned || turned,
      phase: done ? 'done' : 'reps',
      endedMs: done ? tMs : null,
      said: { id: last.id, tMs },
    },
    prompts,
  };
}

export function squatResult(state: SquatState): SquatResult | null {
  if (!state.baseline) return null;
  const legs = Object.fromEntries(
    measuredLegs(state.options.variant).map((s) => [s, legSummary(state.reps, s)]),
  );
  return {
    test: 'squat',
    variant: state.options.variant,
    targetReps: state.options.targetReps,
    reps: state.reps,
    completed: state.reps.length >= state.options.targetReps,
    discarded: state.discarded,
    legs,
    depth: spread(state.reps.map((r) => r.depth)),
    trunkLeanDeg: spread(state.reps.map((r) => r.trunkLeanDeg)),
    kneeIn: kneeInSummary(state.reps),
    fppaAsymmetry: fppaAsymmetry(legs, state.reps),
    baseline: { legLengthPx: state.baseline.legLengthPx, view: state.baselineView! },
    startedMs: state.startedMs,
    endedMs: state.endedMs ?? state.reps.at(-1)?.endMs ?? state.startedMs,
  };
}

/** The squat screen as a Protocol; `finishSquat` ends it early. */
export function squatProtocol(options: Partial<SquatOptions> = {}): Protocol<SquatState, SquatResult> {
  const o = squatOptions(options);
  return { init: (tMs) => initSquat(o, tMs), step: stepSquat, result: squatResult };
}
