import type { Tensor3D } from '@tensorflow/tfjs-core';
import type { Backend, ModelId, Pose } from '../types';

/** What the estimator reads a frame from: a DOM image source in the browser, a Tensor3D (H×W×3) in Node. */
export type PoseInput =
  HTMLVideoElement | HTMLImageElement | HTMLCanvasElement | ImageBitmap | ImageData | Tensor3D;

export interface EstimatorInfo {
  readonly model: ModelId;
  readonly backend: Backend;
  readonly runtime: 'tfjs' | 'mediapipe';
  /** How the backend was chosen, in words the UI can show (e.g. "auto: wasm 27 ms vs webgl 240 ms"). */
  readonly backendReason: string;
}

/**
 * One interface for every pose backend (tfjs-models pose-detection's PoseDetector, with time as an
 * input as in MediaPipe's detectForVideo). Nothing downstream knows which model ran.
 */
export interface PoseEstimator {
  readonly info: EstimatorInfo;
  /** Raw model inference time of the last estimate() in ms (the detector call alone), for stats and the benchmark. */
  readonly lastModelMs: number;
  /** Time the last estimate() spent turning the frame for the model in ms (0 without a rotation; rotation.ts). */
  readonly lastTurnMs: number;
  /**
   * Estimate the single most prominent person. `tMs` is the frame's timestamp (monotonic for a
   * stream); returns null when no person is found. Calling it again before the previous call has
   * settled rejects: the frame loop, not the estimator, decides which frames to drop.
   */
  estimate(frame: PoseInput, tMs: number): Promise<Pose | null>;
  /** Forget tracking and smoothing state (a new video, a seek, a new camera). */
  reset(): void;
  dispose(): void;
}
