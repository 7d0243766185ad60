import type { PoseDetector } from '@tensorflow-models/pose-detection';
import type { Backend, ModelId, Pose } from '../types';
import type { EstimatorInfo, PoseEstimator, PoseInput } from './estimator';
import { frameSize } from './frame_size';
import { unmirrorPose } from './mirror';
import { FrameTurner } from './frame_turner';
import { turnPoseBack180, type FrameRotation } from './rotation';
import { PoseSmoother, type OneEuroParams } from './smoothing';
import { toPose, type RawPose } from './to_pose';

export interface DetectorEstimatorOptions {
  readonly model: ModelId;
  readonly backend: Backend;
  readonly runtime: 'tfjs' | 'mediapipe';
  readonly backendReason: string;
  readonly mirrored: boolean;
  /** Turn each frame by this before the model sees it (rotation.ts); keypoints are turned back. */
  readonly rotation?: FrameRotation;
  readonly smoothing: false | Partial<OneEuroParams>;
}

/**
 * Wraps a pose-detection PoseDetector (any model, any runtime) into our PoseEstimator: single
 * person, the frame turned for the model if asked (rotation.ts), keypoints converted at the edge and
 * turned back, mirroring undone, then our One Euro smoothing with the frame's own timestamp. The
 * library's smoothing is off (it would read the video's clock).
 */
export class DetectorEstimator implements PoseEstimator {
  readonly #detector: PoseDetector;
  readonly #opts: DetectorEstimatorOptions;
  readonly #smoother: PoseSmoother | null;
  readonly #turner: FrameTurner | null;
  #busy = false;
  #lastModelMs = 0;
  #lastTurnMs = 0;

  constructor(detector: PoseDetector, opts: DetectorEstimatorOptions) {
    this.#detector = detector;
    this.#opts = opts;
    this.#smoother = opts.smoothing === false ? null : new PoseSmoother(opts.smoothing);
    this.#turner = opts.rotation === 180 ? new FrameTurner() : null;
  }

  get info(): EstimatorInfo {
    const { model, backend, runtime, backendReason } = this.#opts;
    return { model, backend, runtime, backendReason };
  }

  get lastModelMs(): number {
    return this.#lastModelMs;
  }

  /** Time the last estimate() spent turning the frame (ms; 0 without a rotation). */
  get lastTurnMs(): number {
    return this.#lastTurnMs;
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
      const tTurn = performance.now();
      const turned = this.#turner?.turn(frame, width, height) ?? null;
      const t0 = performance.now();
      this.#lastTurnMs = turned ? t0 - tTurn : 0;
      let poses: RawPose[];
      try {
        poses = (await this.#detector.estimatePoses(
          turned?.input ?? frame,
          { maxPoses: 1, flipHorizontal: false },
          tMs,
        )) as RawPose[];
      } finally {
        turned?.release();
      }
      this.#lastModelMs = performance.now() - t0;
      const raw = poses[0];
      if (!raw || raw.keypoints.length === 0) return null;
      let pose = toPose(raw, this.#opts.model, width, height, tMs);
      // Undo our turn first, then the source's mirroring (both are fixed maps of the frame; they commute).
      if (turned) pose = turnPoseBack180(pose);
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
