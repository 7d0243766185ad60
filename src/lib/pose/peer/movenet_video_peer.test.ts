// Peer check on video: MoveNet SinglePose Lightning over all 120 frames of the pose-detection test clip
// pose_1.mp4, frame by frame with timestamps 33.33 ms apart (30 fps) as the peer's movenet_test.ts runs
// it, against the keypoints it expects (pose_1.json) within its EPSILON_VIDEO of 60 px per coordinate.
// Frames are decoded by Chromium; inference is our Node estimator (same adapter code as the app).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JointName, Pose } from '../../types';
import { createNodeEstimator } from '../node/create_node_estimator';
import { imageToTensor } from '../node/decode_image';
import type { PoseEstimator } from '../estimator';
import { decodeVideoFrames } from '../../../testing/decode_video_frames';

const DIR = new URL('../../../../test-fixtures/peer-tfjs-models/', import.meta.url).pathname;
const EPSILON_VIDEO_PX = 60;
const expected = JSON.parse(readFileSync(`${DIR}pose_1.json`, 'utf8')) as Record<
  string,
  { x: number; y: number }
>[];

describe('MoveNet Lightning on the peer video pose_1.mp4', () => {
  let estimator: PoseEstimator;
  const poses: (Pose | null)[] = [];

  beforeAll(async () => {
    const frames = await decodeVideoFrames(`${DIR}pose_1.mp4`, 30, expected.length);
    estimator = await createNodeEstimator('movenet-lightning');
    for (const [i, frame] of frames.entries()) {
      const t = imageToTensor(frame);
      try {
        poses.push(await estimator.estimate(t, i * 33.3333));
      } finally {
        t.dispose();
      }
    }
  }, 240_000);
  afterAll(() => estimator?.dispose());

  // All 17 keypoints of every frame within the peer's epsilon, as movenet_test.ts asserts. (An earlier
  // frame decoder silently returned frame 0 for every frame, which made the peer's data look wrong in
  // frames 40–60; decode_video_frames.ts now loads the clip from a blob so it seeks, and checks each seek.)
  it(`all 17 keypoints of all ${expected.length} frames are within ${EPSILON_VIDEO_PX} px of the peer's`, () => {
    expect(poses).toHaveLength(expected.length);
    const legErrs: number[] = [];
    const allErrs: number[] = [];
    for (const [i, want] of expected.entries()) {
      const pose = poses[i];
      expect(pose, `frame ${i}`).not.toBeNull();
      for (const [name, k] of Object.entries(want)) {
        const j = pose!.joints[name as JointName]!;
        const d = Math.max(Math.abs(j.x - k.x), Math.abs(j.y - k.y));
        allErrs.push(d);
        expect(d, `frame ${i} ${name}`).toBeLessThanOrEqual(EPSILON_VIDEO_PX);
        if (/hip|knee|ankle/.test(name)) legErrs.push(d);
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(
      `pose_1.mp4 MoveNet Lightning, max(|dx|,|dy|): legs max ${Math.max(...legErrs).toFixed(1)} px, mean ${mean(legErrs).toFixed(1)}; ` +
        `all 17 keypoints max ${Math.max(...allErrs).toFixed(1)} px, mean ${mean(allErrs).toFixed(1)}`,
    );
  });
});
