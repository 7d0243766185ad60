// Two views of the same real pose must agree (issue 10, "Real people"). The peer's squat video (pose_squats.mp4,
// a real person, 65 frames) has no goniometer truth, but each frame can be shown to the model twice: as filmed, and
// mirrored left to right. A mirror is a second view of the same body the network must read on its own (it is not
// built to be mirror-symmetric), and after the mirrored pose is put back as the app puts back a selfie camera's
// (x flipped, sides swapped: mirror.ts) the
// squat screen must read the same FPPA and knee-in from both. What the two views disagree by is a floor under the
// model's error on a real person that the rig cannot give; a side swapped the wrong way (each knee read as the
// other) disagrees by the two knees' difference and fails it.
//
// The squat's own model and settings as the app runs them: MoveNet Thunder (TEST_MODELS.squat), each frame alone
// (no smoothing, so neither view leans on the frame before), and the squat screen's frame reading
// (measureSquatFrame) against each view's own standing baseline.
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meanBaseline, standingBaseline, type StandingBaseline } from '../../geometry/standing_baseline';
import { TEST_MODELS } from '../../pipeline/test_setup';
import { measureSquatFrame } from '../../protocols/squat_frame';
import type { SquatFrame } from '../../protocols/squat_types';
import type { Pose } from '../../types';
import type { PoseEstimator } from '../estimator';
import { createNodeEstimator } from '../node/create_node_estimator';
import { imageToTensor } from '../node/decode_image';
import { decodeVideoFrames } from '../../../testing/decode_video_frames';

const CLIP = new URL('../../../../test-fixtures/peer-tfjs-models/pose_squats.mp4', import.meta.url).pathname;
const FRAMES = 65;
const CLIP_FPS = 5;
const FRAME_MS = 1000 / CLIP_FPS;

/** The standing reference from the first three frames (she starts down at frame 3). */
function baselineOf(poses: readonly Pose[]): StandingBaseline {
  const list = poses.slice(0, 3).map((p) => standingBaseline(p));
  return meanBaseline(list.filter((b): b is StandingBaseline => 'legLengthPx' in b))!;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const fmt = (x: number) => x.toFixed(2);

describe(`${TEST_MODELS.squat} on pose_squats.mp4, as filmed and mirrored`, () => {
  // One estimator per view: MoveNet crops each frame around the last one's pose, so the views must not share one.
  let filmedReader: PoseEstimator | undefined;
  let mirrorReader: PoseEstimator | undefined;
  const asFilmed: Pose[] = [];
  const mirrored: Pose[] = [];

  beforeAll(async () => {
    const frames = await decodeVideoFrames(CLIP, CLIP_FPS, FRAMES);
    filmedReader = await createNodeEstimator(TEST_MODELS.squat, { smoothing: false });
    // A mirrored source, as the app reads a selfie camera: the estimator puts the pose back (mirror.ts).
    mirrorReader = await createNodeEstimator(TEST_MODELS.squat, { smoothing: false, mirrored: true });
    for (const [i, frame] of frames.entries()) {
      const t = imageToTensor(frame);
      const flipped = tf.reverse(t, 1) as tf.Tensor3D;
      try {
        const a = await filmedReader.estimate(t, i * FRAME_MS);
        const b = await mirrorReader.estimate(flipped, i * FRAME_MS);
        if (!a || !b) throw new Error(`no person in frame ${i}`);
        asFilmed.push({ ...a, tMs: i * FRAME_MS });
        mirrored.push({ ...b, tMs: i * FRAME_MS });
      } finally {
        t.dispose();
        flipped.dispose();
      }
    }
  }, 240_000);
  afterAll(() => {
    filmedReader?.dispose();
    mirrorReader?.dispose();
  });

  it('reads the same FPPA and knee-in from both views, where both measure them', () => {
    expect(asFilmed).toHaveLength(FRAMES);
    const [baseA, baseB] = [baselineOf(asFilmed), baselineOf(mirrored)];
    const fppa: number[] = [];
    const kneeIn: number[] = [];
    const bothIn: number[] = [];
    let measuredOne = 0;
    let legFrames = 0;
    for (let i = 0; i < FRAMES; i++) {
      const a = measureSquatFrame(asFilmed[i]!, baseA, 'double', i * FRAME_MS) as SquatFrame;
      const b = measureSquatFrame(mirrored[i]!, baseB, 'double', i * FRAME_MS) as SquatFrame;
      // Both knees' mean knee-in: what the screen reports when the camera is turned (one knee's own is then not given).
      if (a.kneeIn.ok && b.kneeIn.ok) bothIn.push(Math.abs(a.kneeIn.value - b.kneeIn.value));
      for (const side of ['left', 'right'] as const) {
        legFrames++;
        const la = a.legs[side]!;
        const lb = b.legs[side]!;
        if (la.fppaDeg.ok && lb.fppaDeg.ok) fppa.push(Math.abs(la.fppaDeg.value - lb.fppaDeg.value));
        else if (la.fppaDeg.ok !== lb.fppaDeg.ok) measuredOne++;
        if (la.kneeIn.ok && lb.kneeIn.ok) kneeIn.push(Math.abs(la.kneeIn.value - lb.kneeIn.value));
      }
    }
    console.log(
      `pose_squats.mp4, ${TEST_MODELS.squat}, as filmed vs mirrored (${legFrames} leg-frames):\n` +
        `  FPPA where both views measure it: ${fppa.length} leg-frames, |Δ| mean ${fmt(mean(fppa))}°, ` +
        `P95 ${fmt(quantile(fppa, 0.95))}°, max ${fmt(Math.max(...fppa))}°; measured in one view only: ${measuredOne}\n` +
        `  knee-in (fraction of leg length), one knee: ${kneeIn.length} leg-frames` +
        (kneeIn.length
          ? `, |Δ| mean ${mean(kneeIn).toFixed(3)}, max ${Math.max(...kneeIn).toFixed(3)}`
          : '') +
        `; both knees: ${bothIn.length} frames, |Δ| mean ${mean(bothIn).toFixed(3)}, max ${Math.max(...bothIn).toFixed(3)}`,
    );
    // Measured 2026-12-04 (docs/peer-check.md): FPPA on 86 leg-frames, |Δ| mean 1.27°, P95 3.55°, max 7.47°, 4
    // measured in one view only; both knees' knee-in on 65 frames, mean 0.004, max 0.015 of a leg. The bounds sit a
    // little above, so a change in how a pose is read or put back that makes the views disagree more fails here.
    expect(fppa.length).toBeGreaterThanOrEqual(80);
    expect(measuredOne).toBeLessThanOrEqual(8);
    expect(mean(fppa)).toBeLessThanOrEqual(1.6);
    expect(quantile(fppa, 0.95)).toBeLessThanOrEqual(4.5);
    expect(Math.max(...fppa)).toBeLessThanOrEqual(9);
    expect(bothIn.length).toBe(FRAMES);
    // The screen quotes knee-in to ± 0.03 of a leg (P95, the rig's report bodies): two views of a real person agree
    // well inside it.
    expect(Math.max(...bothIn)).toBeLessThanOrEqual(0.02);
  });
});
