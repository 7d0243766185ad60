// One face for the four drill protocols, so the pipeline, the session and the screen handle any drill
// the same way: a tagged state, its step, finish, result, and what the screen shows (the live number,
// progress toward the goal). Pure.
import type { Pose, Side } from '../../types';
import type { Protocol, StepOutput } from '../types';
import {
  carsDrillResult,
  finishCarsDrill,
  initCarsDrill,
  stepCarsDrill,
  type CarsDrillState,
} from './cars_drill';
import { CARS, HOLD, LIFT } from './drill_limits';
import type { DrillId, DrillLive, DrillResult } from './drill_types';
import {
  finishHoldDrill,
  holdDrillResult,
  initHoldDrill,
  stepHoldDrill,
  type HoldDrillState,
} from './hold_drill';
import {
  finishLiftDrill,
  initLiftDrill,
  liftDrillResult,
  stepLiftDrill,
  type LiftDrillState,
} from './lift_drill';

export type DrillState =
  | { readonly kind: 'hold'; readonly s: HoldDrillState }
  | { readonly kind: 'lift'; readonly s: LiftDrillState }
  | { readonly kind: 'cars'; readonly s: CarsDrillState };

export interface DrillGoal {
  /** Optional override of the goal: ms held, reps or circles. */
  readonly target?: number;
}

export function initDrill(drill: DrillId, side: Side, tMs: number, goal: DrillGoal = {}): DrillState {
  const t = goal.target;
  if (t !== undefined && !(t > 0)) throw new Error(`drill goal ${t} is not valid`);
  switch (drill) {
    case 'modified-90-90':
    case 'supine-passive-ir':
      return { kind: 'hold', s: initHoldDrill(drill, side, t ?? HOLD.targetMs.value, tMs) };
    case 'seated-ir-lift':
      return { kind: 'lift', s: initLiftDrill(side, t ?? LIFT.targetReps.value, tMs) };
    case 'hip-cars':
      return { kind: 'cars', s: initCarsDrill(side, t ?? CARS.targetLoops.value, tMs) };
  }
}

export function stepDrill(d: DrillState, pose: Pose | null, tMs: number): StepOutput<DrillState> {
  switch (d.kind) {
    case 'hold': {
      const o = stepHoldDrill(d.s, pose, tMs);
      return { state: { kind: 'hold', s: o.state }, prompts: o.prompts };
    }
    case 'lift': {
      const o = stepLiftDrill(d.s, pose, tMs);
      return { state: { kind: 'lift', s: o.state }, prompts: o.prompts };
    }
    case 'cars': {
      const o = stepCarsDrill(d.s, pose, tMs);
      return { state: { kind: 'cars', s: o.state }, prompts: o.prompts };
    }
  }
}

/** Ends the drill now; the result keeps what was done so far. */
export function finishDrill(d: DrillState, tMs: number): StepOutput<DrillState> {
  switch (d.kind) {
    case 'hold': {
      const o = finishHoldDrill(d.s, tMs);
      return { state: { kind: 'hold', s: o.state }, prompts: o.prompts };
    }
    case 'lift': {
      const o = finishLiftDrill(d.s, tMs);
      return { state: { kind: 'lift', s: o.state }, prompts: o.prompts };
    }
    case 'cars': {
      const o = finishCarsDrill(d.s, tMs);
      return { state: { kind: 'cars', s: o.state }, prompts: o.prompts };
    }
  }
}

export function drillResult(d: DrillState): DrillResult {
  return d.kind === 'hold'
    ? holdDrillResult(d.s)
    : d.kind === 'lift'
      ? liftDrillResult(d.s)
      : carsDrillResult(d.s);
}

export const drillDone = (d: DrillState): boolean => d.s.phase === 'done';
export const drillLive = (d: DrillState): DrillLive | null => d.s.live;

/** Progress toward the goal, in the drill's own unit. */
export function drillProgress(d: DrillState): {
  done: number;
  target: number;
  unit: 's' | 'reps' | 'circles';
} {
  if (d.kind === 'hold') return { done: d.s.timer.heldMs / 1000, target: d.s.targetMs / 1000, unit: 's' };
  if (d.kind === 'lift') return { done: d.s.counter.reps.length, target: d.s.targetReps, unit: 'reps' };
  return { done: d.s.loops.loops.length, target: d.s.targetLoops, unit: 'circles' };
}

export function drillProtocol(
  drill: DrillId,
  side: Side,
  goal: DrillGoal = {},
): Protocol<DrillState, DrillResult> {
  initDrill(drill, side, 0, goal); // validates the goal now, not on the first frame
  return { init: (t) => initDrill(drill, side, t, goal), step: stepDrill, result: drillResult };
}
