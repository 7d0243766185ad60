// The peer's own keypoints for a real squat video (tfjs-models test data: pose_squats.full.json,
// BlazePose full on pose_squats.mp4, 65 frames at 5 fps) replayed through the squat protocol.
//
// Counted by eye on the 65 decoded frames (and matching the hip height in the keypoints): she stands
// for frames 0–2, squats in frames 3–17 (bottom ≈ frame 10), stands 18–26, squats 27–41 (bottom ≈ 33),
// stands 42–50, and is on her way back up from a third squat (bottom ≈ 59) when the clip ends at
// frame 64. So: two complete reps, a third unfinished, which must not count.
//
// She is turned ≈ 30° to the camera (her feet point to image right; the knees travel image-right as
// she goes down): FPPA in this clip would be her forward knee travel, so goniocam refuses it and says so.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { posesFromBlazePoseArrays } from '../pose/blazepose_arrays';
import { squatProtocol } from './squat';
import type { SquatOptions } from './squat_types';

const FILE = new URL('../../../test-fixtures/peer-tfjs-models/pose_squats.full.json', import.meta.url);
/** The clip's own timing: 5 fps. */
const FRAME_MS = 200;
const poses = posesFromBlazePoseArrays(JSON.parse(readFileSync(FILE, 'utf8')) as number[][][], {
  width: 720,
  height: 1280,
  frameMs: FRAME_MS,
  score: 1, // the peer's arrays carry no scores
  model: 'blazepose-full',
});

function replay(options: Partial<SquatOptions>) {
  const protocol = squatProtocol(options);
  let state = protocol.init(0);
  const ids: string[] = [];
  for (const pose of poses) {
    const out = protocol.step(state, pose, pose.tMs);
    state = out.state;
    ids.push(...out.prompts.map((p) => p.id));
  }
  return { state, ids, result: protocol.result(state)! };
}

describe('squat protocol on the peer keypoints of pose_squats.mp4', () => {
  it('has the clip: 65 frames of 33 named keypoints, 720×1280', () => {
    expect(poses).toHaveLength(65);
    expect(Object.keys(poses[0]!.joints)).toHaveLength(33);
  });

  // The clip gives only 0.6 s of standing before the first squat: a 0.4 s baseline catches it.
  it('counts exactly the two complete reps, bottoms where the eye sees them, not the unfinished third', () => {
    const { state, ids, result } = replay({ baselineMs: 400 });
    expect(result.reps.map((r) => r.index)).toEqual([1, 2]);
    expect(result.reps.map((r) => r.bottomMs / FRAME_MS)).toEqual([10, 33]);
    expect(result.discarded).toEqual({ tooShallow: 0, tooFast: 0, lost: 0 });
    expect(state.phase).toBe('reps');
    expect(state.detector.phase).toBe('ascent'); // the third rep, under way when the clip ends
    expect(result.completed).toBe(false);
    expect(ids).toEqual([
      'squat-stand-still',
      'squat-start',
      'squat-rep-done-1',
      'squat-turned',
      'squat-rep-done-2',
    ]);
    // Deep squats: the hips drop ≈ 0.45–0.5 of her standing leg length.
    for (const r of result.reps) expect(r.depth).toMatchObject({ ok: true, value: expect.closeTo(0.47, 1) });
  });

  it('with the default 1 s standing baseline the first squat starts too early to count: one rep', () => {
    const { result } = replay({});
    expect(result.reps).toHaveLength(1);
    expect(result.reps[0]!.bottomMs / FRAME_MS).toBe(33);
  });

  it('sees a frontal-looking hip width but knees sliding together: refuses FPPA and trunk lean', () => {
    const { result } = replay({ baselineMs: 400 });
    expect(result.baseline!.view.view).toBe('frontal');
    for (const r of result.reps) {
      // Both knees 0.2 of a leg toward her left (image right) at the bottom: a turned body.
      expect(r.kneeCommonShift).toMatchObject({ ok: true, value: expect.closeTo(0.21, 1) });
      for (const side of ['left', 'right'] as const) {
        expect(r.legs[side]!.fppaDeg).toMatchObject({ ok: false, reason: /turned to the camera/ });
        expect(r.legs[side]!.medialKneeDisplacement.ok).toBe(false);
      }
      expect(r.trunkLeanDeg.ok).toBe(false);
    }
    expect(result.fppaAsymmetry).toMatchObject({ ok: false, reason: /turned to the camera/ });
  });
});
