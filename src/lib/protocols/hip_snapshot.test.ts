import { describe, expect, it } from 'vitest';
import { ProtocolRunner, runProtocol } from '../pipeline/run_protocol';
import { scriptedFrames, standardTrials, type ScriptedTrial } from '../../testing/scripted_person';
import { hipProtocol, hipResult, initHip, skipStep, type HipState } from './hip_guided';
import { resumeHip, snapshotHip, snapshotKey, stepsDone, type HipSnapshot } from './hip_snapshot';
import type { HipTestResult } from './types';

const PEAKS = { right: { internal: 40, external: 30 }, left: { internal: 28, external: 38 } };
const ALL = standardTrials(PEAKS);

/** Run the scripted person until `n` trials are recorded; the state then, and the frames it took. */
function runUntilTrials(n: number): { state: HipState; atMs: number } {
  const runner = new ProtocolRunner(hipProtocol({ test: 'seated' }), 0);
  for (const { pose, tMs } of scriptedFrames({ test: 'seated', trials: ALL })) {
    runner.push(pose, tMs);
    if (runner.state.trials.length >= n) return { state: runner.state, atMs: tMs };
  }
  throw new Error(`the script never reached ${n} trials`);
}

/** A stored snapshot goes through JSON (IndexedDB's structured clone keeps no more than this). */
const stored = (s: HipState): HipSnapshot => JSON.parse(JSON.stringify(snapshotHip(s))) as HipSnapshot;

/** The person comes back and does the trials still to do, on a new page's clock starting at `t0`. */
function resumeAndFinish(snap: HipSnapshot, rest: readonly ScriptedTrial[], t0: number) {
  const frames = scriptedFrames({ test: 'seated', trials: rest, seed: 11 }).map((f) => ({
    pose: f.pose && { ...f.pose, tMs: f.tMs + t0 },
    tMs: f.tMs + t0,
  }));
  const protocol = { ...hipProtocol({ test: 'seated' }), init: (tMs: number) => resumeHip(snap, tMs) };
  return runProtocol(protocol, frames);
}

const values = (r: HipTestResult) =>
  (['right', 'left'] as const).flatMap((side) =>
    (['internal', 'external'] as const).map((d) => r.sides[side]?.[d]?.valueDeg ?? null),
  );

describe('hip test snapshot and resume', () => {
  const whole = runProtocol(hipProtocol({ test: 'seated' }), scriptedFrames({ test: 'seated', trials: ALL }));

  it('nothing to resume before the first trial or once the test is done', () => {
    expect(snapshotHip(initHip({ test: 'seated' }, 0))).toBeNull();
    expect(whole.state.phase).toBe('done');
    expect(snapshotHip(whole.state)).toBeNull();
  });

  it('the key changes with each trial, not with every frame', () => {
    const a = runUntilTrials(1).state;
    const b = runUntilTrials(2).state;
    expect(snapshotKey(a)).not.toBe(snapshotKey(b));
    expect(snapshotKey({ ...a, phase: 'neutral', liveDeg: 3, samples: [] })).toBe(snapshotKey(a));
  });

  it('a reload mid-direction (after 4 of 12 trials) loses no trial and ends with the same values', () => {
    const { state } = runUntilTrials(4);
    const snap = stored(state);
    expect(snap.stepIdx).toBe(1); // right external, 1 of 3 done
    expect(stepsDone(snap).map((d) => `${d.side} ${d.direction} ${d.valid}/${d.of}`)).toEqual([
      'right internal 3/3',
      'right external 1/3',
      'left internal 0/3',
      'left external 0/3',
    ]);
    // The new page's clock starts near 0 again, far before the old one's times.
    const resumed = resumeAndFinish(snap, ALL.slice(4), 500);
    expect(resumed.state.phase).toBe('done');
    const r = resumed.result!;
    const trials = resumed.state.trials.filter((t) => t.valid);
    expect(trials).toHaveLength(12);
    // The trials from before the reload are kept as they were, their times moved onto the new clock.
    for (let i = 0; i < 4; i++) {
      expect(trials[i]!.valueDeg).toBe(state.trials[i]!.valueDeg);
      expect(trials[i]!.endMs - trials[i]!.startMs).toBeCloseTo(
        state.trials[i]!.endMs - state.trials[i]!.startMs,
      );
    }
    expect(trials[3]!.endMs).toBeLessThanOrEqual(500);
    // Times run forward across the reload.
    for (let i = 1; i < trials.length; i++) expect(trials[i]!.startMs).toBeGreaterThan(trials[i - 1]!.endMs);
    expect(r.startedMs).toBeLessThan(trials[0]!.startMs);
    const want = values(whole.result!);
    values(r).forEach((v, i) => expect(Math.abs(v! - want[i]!)).toBeLessThan(0.5));
  });

  it('resumes in the set-up check of the step it was in, and says how to get ready again', () => {
    const snap = stored(runUntilTrials(7).state); // left internal, 1 of 3 done
    const s = resumeHip(snap, 0);
    expect(s.phase).toBe('setup');
    expect(s.plan[s.stepIdx]).toEqual({ side: 'left', direction: 'internal' });
    expect(s.attempt).toBe(1);
    const first = resumeAndFinish(snap, ALL.slice(7), 0).transcript[0]!;
    expect(first.prompt.id).toBe('setup');
    expect(first.prompt.text).toMatch(/left/i);
  });

  it('a step completed just before the crash is moved past; a test with every step complete ends', () => {
    const { state } = runUntilTrials(3);
    // Saved in the instant after the third right internal trial, before the test moved on.
    expect(state.stepIdx).toBe(0);
    const s = resumeHip(stored(state), 0);
    expect(s.plan[s.stepIdx]).toEqual({ side: 'right', direction: 'external' });
    expect(s.attempt).toBe(0);
    const almost = runProtocol(
      hipProtocol({ test: 'seated', sides: ['right'], directions: ['internal'] }),
      scriptedFrames({ test: 'seated', trials: ALL.slice(0, 3) }),
    );
    const mid = { ...almost.state, phase: 'return' as const, endedMs: null };
    const ended = resumeHip(stored(mid), 9000);
    expect(ended.phase).toBe('done');
    expect(hipResult(ended)!.sides.right!.internal!.valueDeg).toBe(
      almost.result!.sides.right!.internal!.valueDeg,
    );
  });

  it('a skipped direction stays skipped, with its reason', () => {
    const { state } = runUntilTrials(1);
    const skipped = skipStep(state, state.phaseSinceMs).state;
    const s = resumeHip(stored(skipped), 0);
    expect(s.plan[s.stepIdx]).toEqual({ side: 'right', direction: 'external' });
    expect(s.skipNotes).toEqual(skipped.skipNotes);
  });
});
