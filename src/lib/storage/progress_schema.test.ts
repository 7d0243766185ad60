import { describe, expect, it } from 'vitest';
import { ProtocolRunner } from '../pipeline/run_protocol';
import { hipProtocol } from '../protocols/hip_guided';
import { snapshotHip } from '../protocols/hip_snapshot';
import { scriptedFrames, standardTrials } from '../../testing/scripted_person';
import { restoreProgress } from './progress_schema';
import { trialPeak } from '../report/peak_snapshot';
import type { Trial } from '../protocols/types';
import { PLACEMENTS, synthPose } from '../../testing/synthetic_pose';

/** A real snapshot: the scripted person's seated test stopped after 2 trials, through JSON as stored. */
const pose = synthPose('seated', 'right', 30, PLACEMENTS['seated-front']!);

function snapshot(): Record<string, unknown> & { trials: Trial[] } {
  const runner = new ProtocolRunner(hipProtocol({ test: 'seated' }), 0);
  for (const { pose, tMs } of scriptedFrames({
    test: 'seated',
    trials: standardTrials({ right: { internal: 40, external: 30 } }),
  })) {
    runner.push(pose, tMs);
    if (runner.state.trials.length === 2) break;
  }
  return JSON.parse(JSON.stringify(snapshotHip(runner.state))) as Record<string, unknown> & {
    trials: Trial[];
  };
}

describe('a stored hip test in progress', () => {
  const at = '2026-12-02T15:00:00.000Z';
  const row = (snapshot: unknown) => ({ savedAt: at, snapshot });

  it('restores as written; a row from before peaks were kept restores with none', () => {
    const s = snapshot();
    expect(restoreProgress(row(s))).toEqual({ ...row(s), peaks: [] });
    const peaks = [{ peak: trialPeak(s.trials[0]!, pose), photo: null }];
    const withPeaks = { ...row(s), peaks: JSON.parse(JSON.stringify(peaks)) as unknown };
    expect(restoreProgress(withPeaks)).toEqual(withPeaks);
    const photo = new Blob([new Uint8Array([0xff, 0xd8])], { type: 'image/jpeg' });
    expect(restoreProgress({ ...withPeaks, peaks: [{ ...peaks[0], photo }] })?.peaks[0]?.photo).toBe(photo);
  });

  it('a void streak saved before voids in a row were counted restores with its same-reason count as that', () => {
    const s = snapshot();
    const last = {
      kind: 'knee-moved',
      severity: 'invalid',
      message: 'The knee moved.',
      evidence: {
        label: 'Knee movement',
        value: 0.3,
        comparator: '>',
        threshold: 0.25,
        unit: 'ratio',
        source: 'goniocam-engineering',
      },
      tMs: 1000,
    };
    const old = restoreProgress(row({ ...s, streak: { kind: 'knee-moved', count: 2, last } }));
    expect(old?.snapshot.streak).toMatchObject({ kind: 'knee-moved', count: 2, inRow: 2 });
    const now = restoreProgress(row({ ...s, streak: { kind: 'knee-moved', count: 1, inRow: 4, last } }));
    expect(now?.snapshot.streak).toMatchObject({ count: 1, inRow: 4 });
    expect(
      restoreProgress(row({ ...s, streak: { kind: 'knee-moved', count: 1, inRow: -1, last } })),
    ).toBeNull();
  });

  it('a damaged peak drops the row', () => {
    const s = snapshot();
    const bad = {
      peak: { ...trialPeak(s.trials[0]!, pose), skeleton: { width: 0, height: 1, joints: {} } },
      photo: null,
    };
    expect(restoreProgress({ ...row(s), peaks: [bad] })).toBeNull();
    const unknownJoint = {
      peak: {
        ...trialPeak(s.trials[0]!, pose),
        skeleton: { width: 4, height: 3, joints: { tail: { x: 1, y: 1, score: 1 } } },
      },
      photo: null,
    };
    expect(restoreProgress({ ...row(s), peaks: [unknownJoint] })).toBeNull();
    expect(
      restoreProgress({ ...row(s), peaks: [{ peak: trialPeak(s.trials[0]!, pose), photo: 'x' }] }),
    ).toBeNull();
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
