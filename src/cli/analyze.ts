// `goniocam analyze`: a recorded clip through the same pipeline the app uses. ffmpeg decodes each frame
// upright with its own timestamp, the test's model (and frame turn) finds the pose with smoothing on as in
// the app, and the test's one pipeline (pipelineFor(test).analyse) finds the trials or reps, the result and
// the findings: the same call the browser's recording session makes. Frames are streamed: only the poses are
// kept. Node only.
import * as tf from '@tensorflow/tfjs-core';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RecordingAnalysis, RecordingInfo } from '../lib/pipeline/analysis_types';
import { defaultEvery } from '../lib/pipeline/inference_rate';
import { pipelineFor } from '../lib/pipeline/pipelines';
import type { TimedPose } from '../lib/pipeline/run_protocol';
import { createNodeEstimator } from '../lib/pose/node/create_node_estimator';
import { FALLBACK_MODEL, VIDEO_FALLBACK_AFTER_MISSES } from '../lib/pose/fallback_estimator';
import type { ModelId, Side, TestId } from '../lib/types';
import { decodeFrames } from './ffmpeg_frames';
import { probeVideo } from './ffprobe';

export interface AnalyzeOptions {
  readonly test: TestId;
  /** Default: the model the app uses for this test. */
  readonly model?: ModelId;
  /** Legs to report (default both). */
  readonly sides?: readonly Side[];
  /** Infer every k-th frame only; default: about 15 a second (pipeline/inference_rate.ts, as the app). */
  readonly every?: number;
  /** Called after each inferred frame: frames done, and the expected total when the container says. */
  readonly onProgress?: (done: number, total: number | null) => void;
}

export async function analyzeClip(path: string, opts: AnalyzeOptions): Promise<RecordingAnalysis> {
  const started = performance.now();
  const pipeline = pipelineFor(opts.test);
  const model = opts.model ?? pipeline.model;
  // Probe first: a bad file is refused before the model is loaded.
  const probe = await probeVideo(path);
  const every =
    opts.every !== undefined
      ? Math.max(1, Math.floor(opts.every))
      : defaultEvery(probe.frameCount, probe.durationS);
  // As the app's recordings: the second model only after a second with no person (fallback_estimator.ts).
  const estimator = await createNodeEstimator(model, {
    smoothing: true,
    rotation: pipeline.rotation,
    fallback: FALLBACK_MODEL[model],
    fallbackAfterMisses: VIDEO_FALLBACK_AFTER_MISSES,
    kneeMask: pipeline.kneeMask,
  });
  const poses: TimedPose[] = [];
  let lastMs = 0;
  const total = probe.frameCount === null ? null : Math.ceil(probe.frameCount / every);
  try {
    for await (const frame of decodeFrames(path, probe, { every })) {
      const tensor = tf.tensor3d(frame.rgb, [frame.height, frame.width, 3], 'int32');
      try {
        poses.push({ pose: await estimator.estimate(tensor, frame.tMs), tMs: frame.tMs });
      } finally {
        tensor.dispose();
      }
      lastMs = frame.tMs;
      opts.onProgress?.(poses.length, total);
    }
  } finally {
    estimator.dispose();
  }
  // The container's duration when it states one; else the last frame's time plus one mean frame interval.
  const durationS =
    probe.durationS ?? (poses.length > 1 ? (lastMs / 1000) * (poses.length / (poses.length - 1)) : 0);
  const info: RecordingInfo = {
    file: basename(path),
    model,
    frames: poses.length,
    fps: durationS > 0 ? poses.length / durationS : 0,
    durationS,
    analysisS: 0,
    width: probe.width,
    height: probe.height,
    rotationDeg: probe.rotationDeg,
  };
  const analysis = pipeline.analyse(poses, info, opts.sides ? { sides: opts.sides } : {});
  // The analysis time includes finding the trials, so it is measured after; the pipeline takes it as an input.
  return { ...analysis, info: { ...analysis.info, analysisS: (performance.now() - started) / 1000 } };
}
