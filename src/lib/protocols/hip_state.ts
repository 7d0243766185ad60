// The guided hip test's state: its plan (sides × directions), phase, the recent samples and the trials so
// far. Plain data, replaced on every step (protocols/hip_guided.ts).
import { DEFAULT_METHOD } from '../geometry';
import type { HipMethod, Side } from '../types';
import type { NeutralRef } from './compensations';
import type { HipFrame } from './hip_frame';
import { TRIALS } from './limits';
import type { AngleSample } from './stillness';
import type { Compensation, CompensationKind, Direction, HipTestId, Prompt, Trial } from './types';

/** 'choice': the same void came back too often; the test waits for try again / accept flagged / skip. */
export type HipPhase = 'setup' | 'neutral' | 'move' | 'hold' | 'return' | 'choice' | 'done';

/** Voids in a row in the current side and direction (false starts count too). */
export interface VoidStreak {
  /** The latest void's reason, and how many in a row had it (a turn the wrong way does not add to this). */
  readonly kind: CompensationKind;
  readonly count: number;
  /** Every void in a row in this step, whatever its reason and whichever way the leg turned. */
  readonly inRow: number;
  /** The latest of them: its message and evidence are what the person is shown. */
  readonly last: Compensation;
  /**
   * Not voids but a stall: nothing was measured for this long (TIMING.stallMs) in set-up, neutral, trial or return,
   * and `last` says what was in the way (count and inRow are 0). Absent: a streak of voids.
   */
  readonly stalledMs?: number;
}

export type HipChoice = 'retry' | 'accept' | 'skip';

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
  /**
   * Seated: the untested knee was out to the side when this side's set-up ended. Every neutral of the side then waits
   * a while for it out again, so all its trials are read the same way (hip_trial_reading.ts). Absent: not seen out.
   */
  readonly otherKneeOutAtSetup?: boolean;
  /** Set-up: since when the leg has been read off the start position (past MOVEMENT.neutralMaxDeg) yet plausible. */
  readonly startOffSinceMs?: number | null;
  /**
   * The start position was read this far off while held still, and taken as it is after TIMING.startOffWaitMs (the
   * model likely misreads this leg at rest): every neutral of the side may sit up to MOVEMENT.startOffMaxDeg off, and
   * its trials carry a flag saying so. Absent: the start was read where it should be.
   */
  readonly startOffDeg?: number;
  /**
   * The current neutral was taken from a noisy still window (STILLNESS_RELAXED) with this standard deviation: the
   * trials from it carry an 'unsteady' flag. Absent or null: a still one.
   */
  readonly neutralUnsteadySd?: number | null;
  /**
   * When the current step last got anywhere (began, took its neutral, recorded or voided a trial, or the person chose
   * to go on): nothing for TIMING.stallMs stops and asks, as repeated voids do (hip_choice.ts askStall).
   */
  readonly progressMs?: number;
  readonly neutral: NeutralRef | null;
  /** Attempts recorded (valid or voided) for the current step. */
  readonly attempt: number;
  /** Farthest the leg has gone in the tested direction this trial (degrees past neutral). */
  readonly trialPeakDeg: number;
  readonly trialStartMs: number;
  readonly compensations: readonly Compensation[];
  readonly trials: readonly Trial[];
  readonly streak: VoidStreak | null;
  /** The choices offered while phase is 'choice' (no "accept" when nothing could be measured). */
  readonly choices: readonly HipChoice[];
  /** Attempts allowed for the current step before it gives up (grows when the person chooses to go on). */
  readonly attemptLimit: number;
  /** Compensations the person accepted for the current step: they flag its trials instead of voiding them. */
  readonly accepted: readonly CompensationKind[];
  /** Why a side and direction ("right internal") was skipped after repeated voids: the result's reason. */
  readonly skipNotes: Readonly<Record<string, string>>;
  /** When each prompt id was last said (throttling). */
  readonly said: Readonly<Record<string, number>>;
  /** For the UI: the current rotation (internal +) and how far the hold has come (0..1). */
  readonly liveDeg: number | null;
  readonly liveConfidence: number;
  readonly holdProgress: number;
  readonly lastPrompt: Prompt | null;
}

export const KEEP_SAMPLES_MS = 4000;
export const RECENT_FRAMES = 5;
/** A problem is said only once it has lasted this long (a one-frame dropout is not news). */
export const PROBLEM_SETTLE_MS = 1500;

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
    progressMs: tMs,
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
    streak: null,
    choices: [],
    attemptLimit: (opts.trials ?? TRIALS.perDirection.value) + TRIALS.extraAttempts.value,
    accepted: [],
    skipNotes: {},
    said: {},
    liveDeg: null,
    liveConfidence: 0,
    holdProgress: 0,
    lastPrompt: null,
  };
}

/** Enter `phase` now. */
export const to = (s: HipState, phase: HipPhase, tMs: number): HipState => ({
  ...s,
  phase,
  phaseSinceMs: tMs,
  holdProgress: 0,
});
