// Peer check on a real squat video: BlazePose full on every frame of the pose-detection test clip
// pose_squats.mp4 (720×1280, 5 fps, 65 frames; Chromium decodes, Node infers), then goniocam's knee
// geometry on our keypoints vs on the peer's expected keypoints (pose_squats.full.json), and the squat
// protocol counting reps from our keypoints.
//
// Run the way the peer ran it (tfjs-models blazepose_tfjs_test.ts "BlazePose video"): the library's own
// landmark smoothing on and timestamps 33.3 ms apart, because its expected keypoints were made so. The
// app instead turns the library's smoothing off and smooths with its own One Euro filter on the real
// clock; run that way the peer's keypoints lag ours during movement (they are smoothed as if 30 fps
// while the clip moves at 5 fps) and per-frame angles differ by up to ≈ 7–10° in the fast frames,
// with the error's sign following the direction of motion. Same model files, same adapter
// (DetectorEstimator → Pose), same geometry: only the smoothing setting differs.
//
// Which frames can be compared: the ones goniocam's squat screen would measure (measureSquatFrame):
// FPPA defined (the thigh not pointing at the camera) and the view frontal, and not turned beyond what the turn
// correction covers. She stands ≈ 30° turned to the camera, so as she goes down both knees slide image-right
// together (forward knee travel seen obliquely): up to 18 % of a leg the shift is taken out before FPPA, beyond
// it goniocam refuses FPPA; those frames are counted and reported, not compared. Knee flexion from the image (kneeFlexion2D) is the same hip–knee–ankle angle
// unsigned; it is compared on the same frames.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as poseDetection from '@tensorflow-models/pose-detection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kneeFlexion2D, measureFppa } from '../../geometry/fppa';
import { meanBaseline, standingBaseline, type StandingBaseline } from '../../geometry/standing_baseline';
import { measureSquatFrame } from '../../protocols/squat_frame';
import { squatProtocol } from '../../protocols/squat';
import { SQUAT_LIMITS } from '../../protocols/squat_limits';
import type { SquatFrame } from '../../protocols/squat_types';
import type { Pose, Side } from '../../types';
import { posesFromBlazePoseArrays } from '../blazepose_arrays';
import { DetectorEstimator } from '../detector_estimator';
import { modelUrls } from '../model_paths';
import { MODELS_DIR } from '../node/create_node_estimator';
import { imageToTensor } from '../node/decode_image';
import { fileModelHandler } from '../node/file_io_handler';
import { useNodeWasmBackend } from '../node/node_backend';
import { decodeVideoFrames } from '../../../testing/decode_video_frames';

const DIR = new URL('../../../../test-fixtures/peer-tfjs-models/', import.meta.url).pathname;
const FRAMES = 65;
const CLIP_FPS = 5;
/** The peer's simulated 30 fps clock, which its smoothing expects. */
const PEER_TICK_MS = 33.3333;
/** The clip's real clock, for the protocol. */
const FRAME_MS = 1000 / CLIP_FPS;
const BOUND_DEG = 3;

const expected = posesFromBlazePoseArrays(
  JSON.parse(readFileSync(`${DIR}pose_squats.full.json`, 'utf8')) as number[][][],
  { width: 720, height: 1280, frameMs: FRAME_MS, score: 1, model: 'blazepose-full' },
);

/** BlazePose full from models/, configured as the peer's test configures it, behind our adapter. */
async function peerConfiguredBlazePose(): Promise<DetectorEstimator> {
  await useNodeWasmBackend();
  const urls = modelUrls('blazepose-full', '/');
  const file = (url: string) => fileModelHandler(join(MODELS_DIR, url.replace(/^\/models\//, '')));
  const detector = await poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, {
    runtime: 'tfjs',
    modelType: 'full',
    detectorModelUrl: file(urls.detector!),
    landmarkModelUrl: file(urls.landmark!),
    enableSmoothing: true, // as the peer; the app uses false + its own filter
    enableSegmentation: false,
  });
  return new DetectorEstimator(detector, {
    model: 'blazepose-full',
    backend: 'wasm',
    runtime: 'tfjs',
    backendReason: 'Node: wasm',
    mirrored: false,
    smoothing: false,
  });
}

/** The standing reference from the first three frames (she starts down at frame 3). */
function baselineOf(poses: readonly Pose[]): StandingBaseline {
  const list = poses.slice(0, 3).map((p) => standingBaseline(p));
  return meanBaseline(list.filter((b): b is StandingBaseline => 'legLengthPx' in b))!;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (x: number) => x.toFixed(2);

describe('BlazePose full on the peer squat video pose_squats.mp4', () => {
  let estimator: DetectorEstimator | undefined;
  const ours: Pose[] = [];

  beforeAll(async () => {
    const frames = await decodeVideoFrames(`${DIR}pose_squats.mp4`, CLIP_FPS, FRAMES);
    estimator = await peerConfiguredBlazePose();
    for (const [i, frame] of frames.entries()) {
      const t = imageToTensor(frame);
      try {
        const pose = await estimator.estimate(t, i * PEER_TICK_MS);
        if (!pose) throw new Error(`no person in frame ${i}`);
        ours.push({ ...pose, tMs: i * FRAME_MS });
      } finally {
        t.dispose();
      }
    }
  }, 240_000);
  afterAll(() => estimator?.dispose());

  it(`FPPA and knee flexion per frame agree with the peer keypoints where goniocam measures them`, () => {
    expect(ours).toHaveLength(FRAMES);
    const [baseOurs, basePeer] = [baselineOf(ours), baselineOf(expected)];
    const fppaErr: { frame: number; side: Side; err: number }[] = [];
    const flexErr: number[] = [];
    const anyFppaErr: number[] = [];
    const refused = new Map<string, number>();
    for (let i = 0; i < FRAMES; i++) {
      const a = measureSquatFrame(ours[i]!, baseOurs, 'double', i * FRAME_MS) as SquatFrame;
      const b = measureSquatFrame(expected[i]!, basePeer, 'double', i * FRAME_MS) as SquatFrame;
      for (const side of ['left', 'right'] as const) {
        // Reported: the raw geometry wherever it gives a number, whatever the view.
        const ra = measureFppa(ours[i]!, side);
        const rb = measureFppa(expected[i]!, side);
        if (ra.ok && rb.ok) anyFppaErr.push(Math.abs(ra.valueDeg - rb.valueDeg));
        const fa = a.legs[side]!.fppaDeg;
        const fb = b.legs[side]!.fppaDeg;
        if (!fa.ok || !fb.ok) {
          const why = (!fb.ok ? fb.reason : !fa.ok ? fa.reason : '').replace(/\d+%/, 'N%');
          refused.set(why, (refused.get(why) ?? 0) + 1);
          continue;
        }
        // Within a turn the squat screen takes the knees' common shift out before FPPA (squat_frame.ts) once it
        // passes SQUAT_LIMITS.turnedKneeShift: where our keypoints and the peer's fall either side of that gate,
        // the two values differ by the correction, not by the keypoints, so that frame says nothing about them.
        const corrected = (f: SquatFrame) =>
          f.kneeCommonShift.ok && Math.abs(f.kneeCommonShift.value) > SQUAT_LIMITS.turnedKneeShift.value;
        if (corrected(a) !== corrected(b)) {
          const why = 'the turn correction on for one set of keypoints and off for the other';
          refused.set(why, (refused.get(why) ?? 0) + 1);
          continue;
        }
        fppaErr.push({ frame: i, side, err: Math.abs(fa.value - fb.value) });
        const ka = kneeFlexion2D(ours[i]!, side);
        const kb = kneeFlexion2D(expected[i]!, side);
        expect(ka.ok && kb.ok, `frame ${i} ${side} knee flexion`).toBe(true);
        if (ka.ok && kb.ok) flexErr.push(Math.abs(ka.valueDeg - kb.valueDeg));
      }
    }
    const errs = fppaErr.map((e) => e.err);
    const over = fppaErr.filter((e) => e.err > BOUND_DEG);
    console.log(
      `pose_squats.mp4, BlazePose full (peer settings) vs pose_squats.full.json, ${FRAMES} frames × 2 legs:\n` +
        `  compared (goniocam measures FPPA in both): ${errs.length} leg-frames; FPPA |Δ| mean ${fmt(mean(errs))}°, max ${fmt(Math.max(...errs))}°; ` +
        `knee flexion |Δ| mean ${fmt(mean(flexErr))}°, max ${fmt(Math.max(...flexErr))}°; ` +
        `${errs.length - over.length}/${errs.length} within ${BOUND_DEG}°` +
        (over.length
          ? ` (over: ${over.map((e) => `${e.frame}${e.side[0]} ${fmt(e.err)}°`).join(', ')})`
          : '') +
        `\n  not compared: ${[...refused].map(([why, n]) => `${n} × ${why}`).join('; ')}` +
        `\n  raw measureFppa wherever both give a number (not a squat-screen value): ${anyFppaErr.length} leg-frames, mean ${fmt(mean(anyFppaErr))}°, max ${fmt(Math.max(...anyFppaErr))}°`,
    );
    // Standing and early-descent frames of all three reps, both legs.
    expect(errs.length).toBeGreaterThanOrEqual(50);
    expect(mean(errs)).toBeLessThanOrEqual(2);
    expect(mean(flexErr)).toBeLessThanOrEqual(2);
    // The 3° bound holds for ≥ 90% of compared leg-frames, and no frame is more than 1° past it. The
    // misses are the left leg standing or just starting down: our left hip sits 3–6 px further out
    // and the knee 1–3 px further in than the peer's even when she stands still (frames 0–1, 44–50), a
    // ≈ 2° offset between the two runs of the model, far inside the peer's own 28–31 px tolerance.
    expect(errs.length - over.length).toBeGreaterThanOrEqual(0.9 * errs.length);
    expect(Math.max(...errs, ...flexErr)).toBeLessThanOrEqual(BOUND_DEG + 1);
  });

  it('counts the same two complete reps from our keypoints as from the peer keypoints', () => {
    // The clip gives 0.6 s of standing before the first squat (see squat_peer_replay.test.ts).
    const protocol = squatProtocol({ baselineMs: 400 });
    let state = protocol.init(0);
    for (const pose of ours) state = protocol.step(state, pose, pose.tMs).state;
    const result = protocol.result(state)!;
    expect(result.reps).toHaveLength(2);
    // Bottoms within a frame of the peer keypoints' (10 and 33): she sits still at the bottom ≈ 3 frames.
    const bottoms = result.reps.map((r) => r.bottomMs / FRAME_MS);
    expect(Math.abs(bottoms[0]! - 10)).toBeLessThanOrEqual(1);
    expect(Math.abs(bottoms[1]! - 33)).toBeLessThanOrEqual(1);
    expect(state.detector.phase).toBe('ascent');
    console.log(
      `pose_squats.mp4 reps from BlazePose: ${result.reps.length}, bottoms at frames ${bottoms.join(', ')}, depths ${result.reps.map((r) => (r.depth.ok ? fmt(r.depth.value) : r.depth.reason)).join(', ')} of leg length`,
    );
  });
});
