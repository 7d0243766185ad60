import type { Backend, ModelId, Pose } from '../types';

/** What the estimator can read a frame from: anything tfjs' fromPixels takes, or a tensor-like in Node. */
export type PoseInput = HTMLVideoElement | HTMLImageElement | HTMLCanvasElement | ImageBitmap | ImageData | OffscreenCanvas;

export interface EstimatorInfo {
  readonly model: ModelId;
  readonly backend: Backend;
  readonly runtime: 'tfjs' | 'mediapipe';
}

/**
 * One interface for every pose backend (tfjs-models pose-detection's PoseDetector, with time as an
 * input as in MediaPipe's detectForVideo). Nothing downstream knows which model ran.
 */
export interface PoseEstimator {
  readonly info: EstimatorInfo;
  /**
   * Estimate the single most prominent person. `tMs` is the frame's timestamp (monotonic for a
   * stream); returns null when no person is found. Never estimates a frame twice on its own.
   */
  estimate(frame: PoseInput, tMs: number): Promise<Pose | null>;
  /** Forget tracking and smoothing state (a new video, a seek, a new camera). */
  reset(): void;
  dispose(): void;
}
