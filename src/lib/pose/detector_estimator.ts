import type { PoseDetector } from '@tensorflow-models/pose-detection';
import type { Backend, ModelId, Pose } from '../types';
import type { EstimatorInfo, PoseEstimator, PoseInput } from './estimator';
import { frameSize } from './frame_size';
import { unmirrorPose } from './mirror';
import { PoseSmoother, type OneEuroParams } from './smoothing';
import { toPose, type RawPose } from './to_pose';

export interface DetectorEstimatorOptions {
  readonly model: ModelId;
  readonly backend: Backend;
  readonly runtime: 'tfjs' | 'mediapipe';
  readonly backendReason: string;
  readonly mirrored: boolean;
  readonly smoothing: false | Partial<OneEuroParams>;
}

/**
 * Wraps a pose-detection PoseDetector (any model, any runtime) into our PoseEstimator: single
 * person, keypoints converted at the edge, mirroring undone, then our One Euro smoothing with the
 * frame's own timestamp. The library's smoothing is off (it would read the video's clock).
 */
export class DetectorEstimator implements PoseEstimator {
  readonly #detector: PoseDetector;
  readonly #opts: DetectorEstimatorOptions;
  readonly #smoother: PoseSmoother | null;
  #busy = false;
  #lastModelMs = 0;

  constructor(detector: PoseDetector, opts: DetectorEstimatorOptions) {
    this.#detector = detector;
    this.#opts = opts;
    this.#smoother = opts.smoothing === false ? null : new PoseSmoother(opts.smoothing);
  }

  get info(): EstimatorInfo {
    const { model, backend, runtime, backendReason } = this.#opts;
    return { model, backend, runtime, backendReason };
  }

  get lastModelMs(): number {
    return this.#lastModelMs;
  }

  async estimate(frame: PoseInput, tMs: number): Promise<Pose | null> {
    if (this.#busy) throw new Error('estimate() called while the previous frame is still being estimated');
    this.#busy = true;
    try {
      const { width, height } = frameSize(frame);
      if (!width || !height) return null;
      // pose-detection's BlazePose sizes a <video> by its width/height attributes (0 unless set),
      // not its intrinsic size: without this it finds nobody in a live stream. CSS decides display size.
      if ('videoWidth' in frame && (frame.width !== width || frame.height !== height)) {
        frame.width = width;
        frame.height = height;
      }
      const t0 = performance.now();
      const poses = (await this.#detector.estimatePoses(
        frame,
        { maxPoses: 1, flipHorizontal: false },
        tMs,
      )) as RawPose[];
      this.#lastModelMs = performance.now() - t0;
      const raw = poses[0];
      if (!raw || raw.keypoints.length === 0) return null;
      let pose = toPose(raw, this.#opts.model, width, height, tMs);
      if (this.#opts.mirrored) pose = unmirrorPose(pose);
      return this.#smoother ? this.#smoother.smooth(pose) : pose;
    } finally {
      this.#busy = false;
    }
  }

  reset(): void {
    this.#detector.reset();
    this.#smoother?.reset();
  }

  dispose(): void {
    this.#detector.dispose();
  }
}
