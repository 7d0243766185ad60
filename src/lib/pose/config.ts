import { MODEL_IDS, type ModelId } from '../types';
import { FRAME_ROTATIONS, type FrameRotation } from './rotation';
import type { OneEuroParams } from './smoothing';

// The model list is shared vocabulary (types.ts); re-exported for the pose layer's callers.
export { MODEL_IDS };

export type BackendChoice = 'auto' | 'wasm' | 'webgl';
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'wasm', 'webgl'];

/** A model file location: a URL, or (in Node) a tfjs IOHandler that reads it from disk. */
export type ModelSource = string | import('@tensorflow/tfjs-core').io.IOHandler;

export interface EstimatorConfig {
  readonly model: ModelId;
  /** tfjs backend; 'auto' measures the first frames on each available backend and keeps the faster. Ignored by the mediapipe runtime. */
  readonly backend: BackendChoice;
  /** Where the app is served from (import.meta.env.BASE_URL); model files live under `${baseUrl}models/`. */
  readonly baseUrl: string;
  /** The source frames are mirrored (a selfie-recorded video): undone here so sides stay anatomical. */
  readonly mirrored?: boolean;
  /**
   * Turn each frame by this many degrees before the model sees it, and the keypoints back (rotation.ts):
   * 180 for a camera that sees the person upside down (prone, camera behind the head). Default 0.
   */
  readonly rotation?: FrameRotation;
  /** One Euro smoothing of keypoints: true (defaults), false, or custom parameters. */
  readonly smoothing?: boolean | Partial<OneEuroParams>;
  /** Overrides for model file sources (Node passes file IOHandlers here). */
  readonly sources?: Partial<Record<'model' | 'detector' | 'landmark', ModelSource>>;
}

/** Throws an Error that names the bad value, the way tfjs-models' validateModelConfig does. */
export function validateEstimatorConfig(config: EstimatorConfig): EstimatorConfig {
  if (!MODEL_IDS.includes(config.model)) {
    throw new Error(`Unknown pose model "${String(config.model)}": use one of ${MODEL_IDS.join(', ')}.`);
  }
  if (!BACKEND_CHOICES.includes(config.backend)) {
    throw new Error(`Unknown backend "${String(config.backend)}": use one of ${BACKEND_CHOICES.join(', ')}.`);
  }
  if (typeof config.baseUrl !== 'string' || !config.baseUrl.endsWith('/')) {
    throw new Error(`baseUrl must be a string ending in "/", got ${JSON.stringify(config.baseUrl)}.`);
  }
  if (config.rotation !== undefined && !FRAME_ROTATIONS.includes(config.rotation)) {
    throw new Error(
      `Unknown frame rotation ${JSON.stringify(config.rotation)}: use one of ${FRAME_ROTATIONS.join(', ')} (degrees).`,
    );
  }
  const s = config.smoothing;
  if (s !== undefined && typeof s !== 'boolean') {
    for (const [key, value] of Object.entries(s)) {
      if (typeof value !== 'number' || !(value > 0)) {
        throw new Error(`smoothing.${key} must be a positive number, got ${String(value)}.`);
      }
    }
  }
  return config;
}
