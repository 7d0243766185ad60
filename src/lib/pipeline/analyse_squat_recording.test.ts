// Recorded squat sets: the squat screen's own protocol over the whole recording, no rep target, no prompts.
// On what BlazePose full saw on the rig's squat clip (test-fixtures/replay/squat.poses.json) and on the
// peer's keypoints of a real video (tfjs-models' pose_squats.full.json). No model runs here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { posesFromBlazePoseArrays } from '../pose/blazepose_arrays';
import { squatProtocol } from '../protocols/squat';
import type { Pose, Side } from '../types';
import { splice } from '../../testing/recording_script';
import { analyseRecording } from './analyse_recording';
import type { RecordingInfo, SquatRecordingAnalysis } from './analysis_types';
import { runProtocol, type TimedPose } from './run_protocol';

const root = new URL('../../../test-fixtures/', import.meta.url);
const rec = JSON.parse(readFileSync(new URL('replay/squat.poses.json', root), 'utf8')) as {
  truth: { series: { tMs: number }[]; meanFppaDeg: Record<Side, number> };
  poses: (Pose | null)[];
};
const clip: TimedPose[] = rec.poses.map((pose, i) => ({ pose, tMs: rec.truth.series[i]!.tMs }));

const INFO: RecordingInfo = {
  file: 'squat.mp4',
  model: 'blazepose-full',
  frames: 0,
  fps: 10,
  durationS: 0,
  analysisS: 0,
  width: 480,
  height: 360,
  rotationDeg: 0,
};

function squat(frames: readonly TimedPose[]): SquatRecordingAnalysis {
  const a = analyseRecording('squat', frames, INFO);
  if (a.kind !== 'squat') throw new Error('expected a squat analysis');
  return a;
}

describe('the rig’s squat clip as a recording', () => {
  const a = squat(clip);
  const r = a.outcome.result;
  const live = runProtocol(squatProtocol(), clip).result!;

  it('counts the 5 reps the live screen counts, with the same per-leg FPPA', () => {
    expect(r.reps).toHaveLength(5);
    expect(r.reps.map((x) => x.bottomMs)).toEqual(live.reps.map((x) => x.bottomMs));
    for (const side of ['left', 'right'] as const)
      expect(r.legs[side]!.fppaDeg.mean).toBeCloseTo(live.legs[side]!.fppaDeg.mean!, 6);
    // A recording has no target to fall short of: the set is what the clip shows.
    expect(r).toMatchObject({ completed: true, targetReps: 5 });
    expect(a.outcome.findings.length).toBeGreaterThan(0);
  });

  it('gives each frame both knees’ FPPA, deepest near each rep’s bottom', () => {
    expect(a.frames).toHaveLength(clip.length);
    const measured = a.frames.filter((f) => f.legs.left.deg !== null && f.legs.right.deg !== null);
    expect(measured.length).toBeGreaterThan(0.9 * clip.length);
    for (const rep of r.reps) {
      const bottom = a.frames.find((f) => f.tMs === rep.bottomMs)!;
      expect(bottom.legs.left.deg).toBeGreaterThan(bottom.legs.right.deg!);
    }
  });

  it('is not ended by a rep target: the clip played twice gives 10 reps', () => {
    const twice = squat(splice([clip, clip], 100));
    expect(twice.outcome.result.reps).toHaveLength(10);
  });
});

describe('the peer’s real squat video (5 fps, squatting 0.6 s after the clip starts)', () => {
  const poses = posesFromBlazePoseArrays(
    JSON.parse(readFileSync(new URL('peer-tfjs-models/pose_squats.full.json', root), 'utf8')) as number[][][],
    { width: 720, height: 1280, frameMs: 200, score: 1, model: 'blazepose-full' },
  );
  const a = squat(poses.map((pose) => ({ pose, tMs: pose.tMs })));

  it('counts both complete reps (the live screen, waiting for a still second, counts only the second)', () => {
    expect(a.outcome.result.reps.map((x) => x.bottomMs / 200)).toEqual([10, 33]);
    expect(
      runProtocol(
        squatProtocol(),
        poses.map((pose) => ({ pose, tMs: pose.tMs })),
      ).result!.reps,
    ).toHaveLength(1);
  });

  it('refuses FPPA on her turned body, per frame and per rep, with the reason', () => {
    for (const rep of a.outcome.result.reps)
      expect(rep.legs.left!.fppaDeg).toMatchObject({ ok: false, reason: /turned to the camera/ });
    const bottom = a.frames[10]!;
    expect(bottom.legs.left).toMatchObject({
      deg: null,
      reason: expect.stringMatching(/turned to the camera/),
    });
  });
});

describe('a squat recording without a still standing second', () => {
  it('gives an empty set that says why, not an error', () => {
    const a = squat(clip.map((f) => ({ pose: null, tMs: f.tMs })));
    const r = a.outcome.result;
    expect(r.reps).toEqual([]);
    expect(r.completed).toBe(false);
    expect(r.depth.reason).toMatch(/never stood still/);
    expect(a.frames.every((f) => f.legs.left.reason === 'nobody in view')).toBe(true);
  });
});
