import { describe, expect, it } from 'vitest';
import { ProtocolRunner } from '../pipeline/run_protocol';
import { hipProtocol } from '../protocols/hip_guided';
import { snapshotHip } from '../protocols/hip_snapshot';
import { scriptedFrames, standardTrials } from '../../testing/scripted_person';
import { restoreProgress } from './progress_schema';

/** A real snapshot: the scripted person's seated test stopped after 2 trials, through JSON as stored. */
function snapshot(): Record<string, unknown> {
  const runner = new ProtocolRunner(hipProtocol({ test: 'seated' }), 0);
  for (const { pose, tMs } of scriptedFrames({
    test: 'seated',
    trials: standardTrials({ right: { internal: 40, external: 30 } }),
  })) {
    runner.push(pose, tMs);
    if (runner.state.trials.length === 2) break;
  }
  return JSON.parse(JSON.stringify(snapshotHip(runner.state))) as Record<string, unknown>;
}

describe('a stored hip test in progress', () => {
  const at = '2026-12-02T15:00:00.000Z';
  const row = (snapshot: unknown) => ({ savedAt: at, snapshot });

  it('restores as written', () => {
    const s = snapshot();
    expect(restoreProgress(row(s))).toEqual(row(s));
  });

  it('is refused when damaged, from another format, or pointing outside its plan', () => {
    const s = snapshot();
    expect(restoreProgress(null)).toBeNull();
    expect(restoreProgress(row(null))).toBeNull();
    expect(restoreProgress({ savedAt: 'yesterday', snapshot: s })).toBeNull();
    expect(restoreProgress(row({ ...s, format: 'goniocam-hip-progress/9' }))).toBeNull();
    expect(restoreProgress(row({ ...s, stepIdx: 4 }))).toBeNull();
    expect(restoreProgress(row({ ...s, trials: [{ side: 'left' }] }))).toBeNull();
    expect(restoreProgress(row({ ...s, test: 'squat' }))).toBeNull();
    expect(restoreProgress(row({ ...s, atMs: Number.NaN }))).toBeNull();
  });
});
