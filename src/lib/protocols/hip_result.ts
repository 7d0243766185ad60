// From trials to what a side reports: the mean of the valid trials (three by default), with a confidence
// that drops when trials are missing, disagree or were flagged. Pure.
import type { Side } from '../types';
import { stepKey } from './hip_choice';
import { TRIALS } from './limits';
import type { Direction, DirectionResult, HipTestId, HipTestResult, Trial } from './types';

/**
 * Why the mean: a single reading of hip rotation varies by several degrees between trials, and averaging
 * three trials made hip rotation measurements more reliable between examiners (J Sport Rehabil 2016,
 * feedback/sources.ts 'jsr-2016-hip-rotation'). "Best of 3" would bias the result upward by the
 * trial-to-trial noise, and it is the same person's range we want, not their luckiest frame.
 */
export const REPORT_RULE = 'mean of 3 trials';

export function directionResult(
  side: Side,
  direction: Direction,
  trials: readonly Trial[],
  perDirection: number = TRIALS.perDirection.value,
  skipNote?: string,
): DirectionResult {
  const mine = trials.filter((t) => t.side === side && t.direction === direction);
  const valid = mine.filter((t) => t.valid && t.valueDeg !== null);
  const base = { side, direction, trials: mine };
  if (valid.length === 0) {
    return {
      ...base,
      valueDeg: null,
      rule: REPORT_RULE,
      confidence: 0,
      reason:
        skipNote !== undefined
          ? `no valid trial: ${skipNote}`
          : mine.length === 0
            ? 'not measured'
            : `no valid trial (${voidReasons(mine)})`,
    };
  }
  const values = valid.map((t) => t.valueDeg!);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const spread = Math.max(...values) - Math.min(...values);
  let confidence = valid.reduce((a, t) => a + t.confidence, 0) / valid.length;
  if (valid.length < perDirection) confidence *= Math.sqrt(valid.length / perDirection);
  if (spread > TRIALS.spreadDeg.value) confidence *= 0.7;
  const flagged = valid.filter((t) => t.compensations.length > 0).length / valid.length;
  confidence *= 1 - 0.3 * flagged;
  return {
    ...base,
    valueDeg: Math.round(mean * 10) / 10,
    rule:
      valid.length === perDirection
        ? REPORT_RULE
        : `mean of ${valid.length} valid trial${valid.length > 1 ? 's' : ''} (fewer than ${perDirection})`,
    confidence: Math.round(confidence * 100) / 100,
    reason: null,
  };
}

function voidReasons(trials: readonly Trial[]): string {
  const counts = new Map<string, number>();
  for (const t of trials)
    for (const c of t.compensations)
      if (c.severity === 'invalid') counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k.replace(/-/g, ' ')} ×${n}`).join(', ') || 'all voided';
}

export function hipTestResult(
  test: HipTestId,
  method: string,
  plan: readonly { side: Side; direction: Direction }[],
  trials: readonly Trial[],
  startedMs: number,
  endedMs: number,
  perDirection?: number,
  /** Why a direction was skipped after repeated voids, keyed "side direction" (hip_choice.ts stepKey). */
  skipNotes: Readonly<Record<string, string>> = {},
): HipTestResult {
  const sides: Partial<Record<Side, Partial<Record<Direction, DirectionResult>>>> = {};
  for (const { side, direction } of plan) {
    (sides[side] ??= {})[direction] = directionResult(
      side,
      direction,
      trials,
      perDirection,
      skipNotes[stepKey(side, direction)],
    );
  }
  return { test, method, sides, startedMs, endedMs };
}
