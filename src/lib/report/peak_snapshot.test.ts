import { describe, expect, it } from 'vitest';
import { seatedAnalysis, squatAnalysis } from '../../testing/recording_analyses';
import { PLACEMENTS, synthPose } from '../../testing/synthetic_pose';
import type { Trial } from '../protocols/types';
import { recordingPeaks, skeletonOf, trialPeak } from './peak_snapshot';

const trial = (over: Partial<Trial>): Trial => ({
  side: 'right',
  direction: 'internal',
  attempt: 2,
  valueDeg: 37.44,
  confidence: 0.8,
  neutralDeg: 1,
  startMs: 1000,
  endMs: 4000,
  valid: true,
  compensations: [],
  ...over,
});

describe('peak snapshots', () => {
  const pose = synthPose('seated', 'right', 30, PLACEMENTS['seated-front']!);

  it('keeps the skeleton in frame pixels, rounded, without the 3D joints', () => {
    const s = skeletonOf(pose)!;
    expect(s.width).toBe(pose.width);
    expect(Object.keys(s.joints).sort()).toEqual(Object.keys(pose.joints).sort());
    const k = pose.joints.right_knee!;
    expect(s.joints.right_knee!.x).toBeCloseTo(k.x, 1);
    expect(s.joints.right_knee!.score).toBeCloseTo(k.score, 2);
    expect(JSON.stringify(s)).not.toContain('world');
    expect(skeletonOf(null)).toBeNull();
  });

  it('a valid trial says its value; a voided one says why', () => {
    const ok = trialPeak(trial({}), pose);
    expect(ok).toMatchObject({ title: 'right IR #2', side: 'right', value: '37.4°', valid: true, tMs: 4000 });
    const knee = {
      kind: 'knee-moved' as const,
      severity: 'invalid' as const,
      message: 'The right knee moved.',
      evidence: {
        label: 'knee',
        value: 0.2,
        unit: 'ratio' as const,
        threshold: 0.1,
        comparator: '>' as const,
        source: 'x',
      },
      tMs: 3000,
    };
    const bad = trialPeak(trial({ valid: false, valueDeg: null, compensations: [knee] }), null);
    expect(bad).toMatchObject({ value: 'void: The right knee moved.', valid: false, skeleton: null });
  });

  it('a recording gives one peak per trial at its peak frame, or one per squat rep at its bottom', () => {
    const a = seatedAnalysis();
    const peaks = recordingPeaks(a);
    expect(peaks).toHaveLength(a.trials.length);
    const first = [...a.trials].sort((x, y) => x.peakMs - y.peakMs)[0]!;
    expect(peaks[0]!.tMs).toBe(first.peakMs);
    expect(peaks[0]!.skeleton?.joints.right_knee ?? peaks[0]!.skeleton?.joints.left_knee).toBeDefined();
    const s = squatAnalysis();
    expect(recordingPeaks(s).map((p) => p.title)).toEqual(s.outcome.result.reps.map((r) => `rep ${r.index}`));
  });
});
