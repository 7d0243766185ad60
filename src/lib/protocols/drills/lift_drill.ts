// The seated inward-rotation lift as a protocol (camera in front, as the seated test): setup (the leg
// hanging still near neutral for a second, which is also the knee's reference) → reps counted from the
// rotation (rep_counter.ts), each with its end range and time there; reps where the knee moved (judged as in
// the guided test, compensations.ts), the leg was out of view or that were a swing are not counted and
// the coach says why. Pure.
import { kneeMovement, type NeutralRef } from '../compensations';
import { readHipFrame, type HipFrame } from '../hip_frame';
import { neutralRef } from '../hip_phases';
import { trialReading, trialZeroDeg, withTrialZero } from '../hip_trial_reading';
import { COMPENSATION } from '../limits';
import { Speaker } from '../speaker';
import type { Side, Pose } from '../../types';
import type { Protocol, StepOutput } from '../types';
import { LIFT } from './drill_limits';
import { DRILL_PROMPTS as P, REPROMPT_MS } from './drill_prompts';
import type { DrillLive, LiftDrillResult, Reading } from './drill_types';
import {
  initRepCounter,
  stepRepCounter,
  validateThresholds,
  type RepCounterState,
  type RepThresholds,
} from './rep_counter';

/** The leg hangs within this of neutral, this still, this long, before the reps start. */
const SETUP = { maxDeg: 12, stillRangeDeg: 4, ms: 1000 };

export interface LiftDrillState {
  readonly side: Side;
  readonly targetReps: number;
  readonly thresholds: RepThresholds;
  readonly phase: 'setup' | 'reps' | 'done';
  readonly setupFrames: readonly HipFrame[];
  readonly neutral: NeutralRef | null;
  readonly counter: RepCounterState;
  readonly live: DrillLive | null;
  readonly startedMs: number;
  readonly endedMs: number | null;
  readonly said: Readonly<Record<string, number>>;
}

export const LIFT_THRESHOLDS: RepThresholds = validateThresholds({
  upDeg: LIFT.upDeg.value,
  downDeg: LIFT.downDeg.value,
  holdBandDeg: LIFT.holdBandDeg.value,
  minRepMs: LIFT.minRepMs.value,
  kneeMovedInvalid: COMPENSATION.kneeMovedInvalid.value,
});

export function initLiftDrill(
  side: Side,
  targetReps: number,
  tMs: number,
  thresholds = LIFT_THRESHOLDS,
): LiftDrillState {
  return {
    side,
    targetReps,
    thresholds,
    phase: 'setup',
    setupFrames: [],
    neutral: null,
    counter: initRepCounter(),
    live: null,
    startedMs: tMs,
    endedMs: null,
    said: {},
  };
}

const liveOf = (f: ReturnType<typeof readHipFrame>, problem: string | null): DrillLive => ({
  label: 'Inward rotation',
  reading: f.ok
    ? { ok: true, value: f.frame.deg, unit: '°', confidence: f.frame.confidence }
    : { ok: false, reason: f.reason },
  inPosition: problem === null,
  problem,
});

export function stepLiftDrill(s: LiftDrillState, pose: Pose | null, tMs: number): StepOutput<LiftDrillState> {
  if (s.phase === 'done') return { state: s, prompts: [] };
  const sp = new Speaker(s.said, tMs);
  const f = readHipFrame(pose, 'seated', s.side);
  if (s.phase === 'setup') {
    if (!f.ok) {
      sp.say(pose ? P.fix(f.reason) : P.findPerson(), REPROMPT_MS);
      return {
        state: { ...s, setupFrames: [], live: liveOf(f, f.reason), said: sp.said },
        prompts: sp.prompts,
      };
    }
    if (s.said['drill-lift-setup'] === undefined) sp.say(P.setupLift(s.side));
    const near = Math.abs(f.frame.deg) <= SETUP.maxDeg;
    const frames = near ? [...s.setupFrames, f.frame] : [];
    const degs = frames.map((x) => x.deg);
    const still = degs.length > 0 && Math.max(...degs) - Math.min(...degs) <= SETUP.stillRangeDeg;
    const kept = still ? frames : [f.frame];
    const live = liveOf(f, near ? null : 'let the leg hang straight down first');
    if (!near || !still || kept.at(-1)!.tMs - kept[0]!.tMs < SETUP.ms)
      return { state: { ...s, setupFrames: near ? kept : [], live, said: sp.said }, prompts: sp.prompts };
    const mean = degs.reduce((a, b) => a + b, 0) / degs.length;
    sp.say(P.liftGo());
    return {
      state: {
        ...s,
        phase: 'reps',
        setupFrames: [],
        neutral: withTrialZero(neutralRef(kept, mean), 'seated'),
        live,
        said: sp.said,
      },
      prompts: sp.prompts,
    };
  }
  // Read as the guided seated test reads a trial (hip_trial_reading.ts): the knee pinned where the setup had it and
  // the turn since that neutral, so the drill's end range and the test's passive range compare (the
  // active–passive gap).
  const pinned = f.ok && s.neutral ? trialReading(f.frame, s.neutral, 'seated') : f;
  const read: typeof f =
    pinned.ok && s.neutral
      ? { ok: true, frame: { ...pinned.frame, deg: pinned.frame.deg - trialZeroDeg(s.neutral) } }
      : pinned;
  const frame = read.ok
    ? {
        ok: true as const,
        deg: read.frame.deg,
        confidence: read.frame.confidence,
        // The knee check compares absolute readings with the neutral's (its swing chord).
        kneeMove: s.neutral && pinned.ok ? kneeMovement(pinned.frame, s.neutral, 'seated') : null,
      }
    : { ok: false as const, reason: read.reason };
  const { state: counter, event } = stepRepCounter(s.counter, frame, tMs, s.thresholds);
  let next: LiftDrillState = { ...s, counter, live: liveOf(read, read.ok ? null : read.reason) };
  if (event?.kind === 'rep') sp.say(P.rep(event.rep.index, event.rep.peakDeg));
  if (event?.kind === 'discarded')
    sp.say(
      event.rep.why === 'leg-not-seen'
        ? P.repLost()
        : event.rep.why === 'knee-moved'
          ? P.repKnee()
          : P.repFast(),
    );
  if (counter.reps.length >= s.targetReps) {
    next = { ...next, phase: 'done', endedMs: tMs };
    sp.say(
      P.liftDone(
        counter.reps.length,
        best(counter).ok ? (best(counter) as { valueDeg: number }).valueDeg : null,
      ),
    );
  }
  return { state: { ...next, said: sp.said }, prompts: sp.prompts };
}

function best(c: RepCounterState): Reading {
  if (c.reps.length === 0)
    return {
      ok: false,
      reason: c.discarded.length ? `no rep counted (${c.discarded[0]!.detail})` : 'no rep counted',
    };
  const top = c.reps.reduce((a, b) => (b.peakDeg > a.peakDeg ? b : a));
  return { ok: true, valueDeg: top.peakDeg, confidence: top.confidence };
}

export function finishLiftDrill(s: LiftDrillState, tMs: number): StepOutput<LiftDrillState> {
  if (s.phase === 'done') return { state: s, prompts: [] };
  const b = best(s.counter);
  return {
    state: { ...s, phase: 'done', endedMs: tMs },
    prompts: [P.liftDone(s.counter.reps.length, b.ok ? b.valueDeg : null)],
  };
}

export function liftDrillResult(s: LiftDrillState): LiftDrillResult {
  return {
    drill: 'seated-ir-lift',
    side: s.side,
    startedMs: s.startedMs,
    endedMs: s.endedMs ?? s.counter.reps.at(-1)?.endMs ?? s.startedMs,
    completed: s.counter.reps.length >= s.targetReps,
    reps: s.counter.reps,
    discarded: s.counter.discarded,
    targetReps: s.targetReps,
    best: best(s.counter),
  };
}

export function liftDrillProtocol(
  side: Side,
  targetReps = LIFT.targetReps.value,
): Protocol<LiftDrillState, LiftDrillResult> {
  if (!Number.isInteger(targetReps) || targetReps < 1)
    throw new Error(`lift drill targetReps = ${targetReps} is not valid`);
  return { init: (t) => initLiftDrill(side, targetReps, t), step: stepLiftDrill, result: liftDrillResult };
}
