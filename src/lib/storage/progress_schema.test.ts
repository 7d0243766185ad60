import { describe, expect, it } from 'vitest';
import { ProtocolRunner } from '../pipeline/run_protocol';
import { hipProtocol } from '../protocols/hip_guided';
import { snapshotHip } from '../protocols/hip_snapshot';
import { scriptedFrames, standardTrials } from '../../testing/scripted_person';
import { restoreSnapshot } from './progress_schema';

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
  it('restores as written', () => {
    const s = snapshot();
    expect(restoreSnapshot(s)).toEqual(s);
  });

  it('is refused when damaged, from another format, or pointing outside its plan', () => {
    const s = snapshot();
    expect(restoreSnapshot(null)).toBeNull();
    expect(restoreSnapshot({ ...s, format: 'goniocam-hip-progress/9' })).toBeNull();
    expect(restoreSnapshot({ ...s, stepIdx: 4 })).toBeNull();
    expect(restoreSnapshot({ ...s, trials: [{ side: 'left' }] })).toBeNull();
    expect(restoreSnapshot({ ...s, test: 'squat' })).toBeNull();
    expect(restoreSnapshot({ ...s, atMs: Number.NaN })).toBeNull();
  });
});
