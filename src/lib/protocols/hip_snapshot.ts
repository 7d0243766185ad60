// A guided hip test in progress, reduced to what must survive a reload or a crash: the plan, where in it the
// test is, and every trial so far. Everything else (recent samples, the neutral reference, the phase) is
// rebuilt by starting the current step again, so at most the trial under way is lost. Pure: the times are
// the protocol's frame times, passed in; a resumed test runs on the new page's clock, so every stored time is
// shifted to continue from the moment it was saved (the time away is not counted as test time).
import { initHip, type HipChoice, type HipState, type PlanStep, type VoidStreak } from './hip_state';
import type { Compensation, HipTestId, Trial } from './types';
import type { HipMethod } from '../types';

export const HIP_SNAPSHOT_FORMAT = 'goniocam-hip-progress/1';

export interface HipSnapshot {
  readonly format: typeof HIP_SNAPSHOT_FORMAT;
  readonly test: HipTestId;
  readonly method: HipMethod;
  readonly trialsPerDirection: number;
  readonly plan: readonly PlanStep[];
  readonly stepIdx: number;
  readonly attempt: number;
  readonly attemptLimit: number;
  readonly trials: readonly Trial[];
  readonly accepted: readonly Compensation['kind'][];
  readonly skipNotes: Readonly<Record<string, string>>;
  readonly streak: VoidStreak | null;
  readonly startedMs: number;
  /** The frame time the snapshot describes (the latest event in it). */
  readonly atMs: number;
}

/** What is kept of `s`; null when there is nothing worth resuming (no trial yet, or the test is over). */
export function snapshotHip(s: HipState): HipSnapshot | null {
  if (s.phase === 'done') return null;
  if (s.trials.length === 0 && s.stepIdx === 0 && Object.keys(s.skipNotes).length === 0) return null;
  const atMs = Math.max(s.phaseSinceMs, s.trials.at(-1)?.endMs ?? s.startedMs);
  return {
    format: HIP_SNAPSHOT_FORMAT,
    test: s.test,
    method: s.method,
    trialsPerDirection: s.trialsPerDirection,
    plan: s.plan,
    stepIdx: s.stepIdx,
    attempt: s.attempt,
    attemptLimit: s.attemptLimit,
    trials: s.trials,
    accepted: s.accepted,
    skipNotes: s.skipNotes,
    streak: s.streak,
    startedMs: s.startedMs,
    atMs,
  };
}

/**
 * Changes whenever a snapshot would (a trial recorded or voided, a step finished, skipped or accepted):
 * the session saves on a change of this key, not on every frame.
 */
export function snapshotKey(s: HipState): string {
  // startedMs tells one run from the next (a restarted test may reach the same counts).
  return [
    s.test,
    s.startedMs,
    s.stepIdx,
    s.attempt,
    s.trials.length,
    s.accepted.length,
    Object.keys(s.skipNotes).length,
  ].join('|');
}

/**
 * The test again at `tMs` on the new clock: back in the set-up check of the step it was in (the person has
 * probably moved since), with its trials, attempts and choices; a step already complete is moved past, and a
 * test whose every step is complete ends at once.
 */
export function resumeHip(snap: HipSnapshot, tMs: number): HipState {
  const d = tMs - snap.atMs;
  const shiftC = (c: Compensation): Compensation => ({ ...c, tMs: c.tMs + d });
  const trials = snap.trials.map((t) => ({
    ...t,
    startMs: t.startMs + d,
    endMs: t.endMs + d,
    compensations: t.compensations.map(shiftC),
  }));
  const base = initHip({ test: snap.test, method: snap.method, trials: snap.trialsPerDirection }, tMs);
  let s: HipState = {
    ...base,
    plan: snap.plan,
    startedMs: snap.startedMs + d,
    stepIdx: snap.stepIdx,
    attempt: snap.attempt,
    attemptLimit: snap.attemptLimit,
    trials,
    accepted: snap.accepted,
    skipNotes: snap.skipNotes,
    streak: snap.streak ? { ...snap.streak, last: shiftC(snap.streak.last) } : null,
  };
  // A crash between a step's last trial and the move to the next: move on now, as the test would have.
  while (s.stepIdx < s.plan.length && stepComplete(s)) {
    s = {
      ...s,
      stepIdx: s.stepIdx + 1,
      attempt: 0,
      streak: null,
      accepted: [],
      attemptLimit: base.attemptLimit,
    };
  }
  if (s.stepIdx >= s.plan.length)
    return { ...s, stepIdx: s.plan.length - 1, phase: 'done', endedMs: tMs, choices: [] as HipChoice[] };
  return s;
}

function stepComplete(s: HipState): boolean {
  const cur = s.plan[s.stepIdx]!;
  const valid = s.trials.filter(
    (t) => t.valid && t.side === cur.side && t.direction === cur.direction,
  ).length;
  return valid >= s.trialsPerDirection || s.attempt >= s.attemptLimit;
}

/** Per step of the plan: valid trials so far out of those wanted (the resume offer lists them). */
export function stepsDone(
  snap: HipSnapshot,
): { side: PlanStep['side']; direction: PlanStep['direction']; valid: number; of: number }[] {
  return snap.plan.map((p) => ({
    ...p,
    valid: snap.trials.filter((t) => t.valid && t.side === p.side && t.direction === p.direction).length,
    of: snap.trialsPerDirection,
  }));
}
