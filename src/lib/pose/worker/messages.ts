// The small typed message set between the page and a pose Worker (ARCHITECTURE.md §10). Frames travel as
// transferred ImageBitmaps (no copy); poses come back as plain objects (structured clone).
import type { ModelId, Pose } from '../../types';
import type { EstimatorInfo } from '../estimator';
import type { FrameRotation } from '../rotation';

export interface WorkerInit {
  readonly type: 'init';
  readonly model: ModelId;
  readonly rotation: FrameRotation;
  /** Absolute URL the app is served from; the model files live under `${baseUrl}models/`. */
  readonly baseUrl: string;
  /** A second model for frames where the first finds no one (fallback_estimator.ts)... */
  readonly fallback?: ModelId;
  /** ...after this many of this worker's frames in a row without a person. */
  readonly fallbackAfterMisses?: number;
  /** The person mask's second look at a low-scored knee (knee_mask_estimator.ts). */
  readonly kneeMask?: boolean;
}

export interface WorkerEstimate {
  readonly type: 'estimate';
  readonly id: number;
  /** Upright frame; the Worker owns and closes it. */
  readonly frame: ImageBitmap;
  readonly tMs: number;
}

export type ToPoseWorker = WorkerInit | WorkerEstimate;

export type FromPoseWorker =
  | { readonly type: 'ready'; readonly info: EstimatorInfo; readonly loadMs: number }
  | {
      readonly type: 'pose';
      readonly id: number;
      /** Unsmoothed: the page smooths all workers' poses together, in time order. */
      readonly pose: Pose | null;
      readonly modelMs: number;
      readonly turnMs: number;
    }
  | { readonly type: 'failed'; readonly id: number | null; readonly message: string };
