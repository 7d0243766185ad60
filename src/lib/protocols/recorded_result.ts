// A recording's trials → the test's result, by the live test's rule (hip_result.ts: the mean of 3 valid
// trials per side and direction), and what the recording does not show, with why. Pure.
import type { Side } from '../types';
import { hipTestResult } from './hip_result';
import { TIMING, TRIALS } from './limits';
import type { RecordedTrial } from './recorded_types';
import type { Direction, DirectionResult, HipTestId, HipTestResult } from './types';

export interface PlanStep {
  readonly side: Side;
  readonly direction: Direction;
}

export interface Missing {
  readonly side: Side;
  readonly direction: Direction;
  readonly reason: string;
}

export const EXCLUDED_AFTER_THIRD = `a valid trial after the first ${TRIALS.perDirection.value} of this side and direction: the result takes the first ${TRIALS.perDirection.value}, as the live test does`;

export const VOIDED_AFTER_THIRD = `a voided trial after the first ${TRIALS.perDirection.value} valid ones of this side and direction: the live test would have moved on`;

/**
 * More than three valid trials of one side and direction (the person repeated one): the result takes the
 * FIRST three valid ones and lists the rest as excluded. Why: it is what the live test does (it moves on at
 * the third valid trial), so a recording and a live test of the same movements agree; and a person who
 * repeats a trial usually does so hoping for more range, so taking the later or the best ones would bias
 * the result upward, the bias hip_result.ts avoids by not using "best of 3". Voided trials before the
 * third valid one stay in the result (they are its evidence); trials are numbered in time order.
 */
export function applyTrialRule(trials: readonly RecordedTrial[]): RecordedTrial[] {
  const valid = new Map<string, number>();
  const attempts = new Map<string, number>();
  return [...trials]
    .sort((a, b) => a.startMs - b.startMs)
    .map((t) => {
      const key = `${t.side}/${t.direction}`;
      const done = (valid.get(key) ?? 0) >= TRIALS.perDirection.value;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      if (t.valid && !done) valid.set(key, (valid.get(key) ?? 0) + 1);
      const base = { ...t, attempt };
      if (!done) return base;
      return { ...base, excluded: t.valid ? EXCLUDED_AFTER_THIRD : VOIDED_AFTER_THIRD };
    });
}

/** The result over the counted trials, with a plain reason where a planned side/direction has no value. */
export function recordedResult(
  test: HipTestId,
  method: string,
  plan: readonly PlanStep[],
  trials: readonly RecordedTrial[],
  startedMs: number,
  endedMs: number,
  unseen: Readonly<Partial<Record<Side, string>>>,
): { result: HipTestResult; missing: Missing[] } {
  const counted = trials.filter((t) => t.excluded === undefined);
  const raw = hipTestResult(test, method, plan, counted, startedMs, endedMs);
  const missing: Missing[] = [];
  const sides: Partial<Record<Side, Partial<Record<Direction, DirectionResult>>>> = {};
  for (const { side, direction } of plan) {
    let dr = raw.sides[side]![direction]!;
    if (dr.valueDeg === null) {
      const reason = dr.trials.length > 0 ? dr.reason! : notFound(side, direction, unseen[side]);
      dr = { ...dr, reason };
      missing.push({ side, direction, reason });
    }
    (sides[side] ??= {})[direction] = dr;
  }
  return { result: { ...raw, sides }, missing };
}

function notFound(side: Side, direction: Direction, unseen: string | undefined): string {
  if (unseen) return `the ${side} leg could not be measured in this recording: ${unseen}`;
  return (
    `no ${direction} rotation trial of the ${side} leg in this recording (a trial is: still in neutral ` +
    `for ${TIMING.neutralMs.value / 1000} s, turn, hold still at end range for ${TIMING.holdMs.value / 1000} s, back)`
  );
}
