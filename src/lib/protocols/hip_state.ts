// The guided hip test's state: its plan (sides × directions), phase, the recent samples and the trials so
// far. Plain data, replaced on every step (protocols/hip_guided.ts).
import { DEFAULT_METHOD } from '../geometry';
import type { HipMethod, Side } from '../types';
import type { NeutralRef } from './compensations';
import type { HipFrame } from './hip_frame';
import { TRIALS } from './limits';
import type { AngleSample } from './stillness';
import type { Compensation, Direction, HipTestId, Prompt, Trial } from './types';

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

/** Enter `phase` now. */
export const to = (s: HipState, phase: HipPhase, tMs: number): HipState => ({
  ...s,
  phase,
  phaseSinceMs: tMs,
  holdProgress: 0,
});
