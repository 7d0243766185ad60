import type { PoseDetector } from '@tensorflow-models/pose-detection';
import type { Backend, ModelId } from '../types';
import { AutoBackendEstimator } from './auto_backend';
import { validateEstimatorConfig, type EstimatorConfig } from './config';
import { DetectorEstimator } from './detector_estimator';
import type { PoseEstimator } from './estimator';
import { FallbackEstimator } from './fallback_estimator';
import { KneeMaskEstimator } from './knee_mask_estimator';
import { blazePoseMaskSource } from './mask_source';
import { useBackend, webglInfo, type TfjsBackend } from './tfjs_backend';
import { createTfjsDetector } from './tfjs_detector';

export interface FallbackConfig {
  /** A second model asked when this one finds no person (fallback_estimator.ts' FALLBACK_MODEL). */
  readonly fallback?: ModelId;
  /** ...only after this many frames in a row without one (default 1: stills; video: VIDEO_FALLBACK_AFTER_MISSES). */
  readonly fallbackAfterMisses?: number;
  /**
   * A second look at a frame whose knee the model scored too low: BlazePose full's person mask, made on first
   * need, confirms the shank (knee_mask_estimator.ts; pipeline/test_setup.ts TEST_KNEE_MASK says which tests). Only
   * for the tfjs runtime and unturned frames; otherwise the estimator is made without it.
   */
  readonly kneeMask?: boolean;
}

/**
 * The one way the browser app gets a pose estimator (tfjs-models create_detector.ts): validate the
 * config, pick the runtime and backend, load our own model files, wrap in the common interface. With a
 * `fallback`, the second model is made on first need with the same settings, on the backend the first one
 * runs on by then (two tfjs backends at once would swap the global backend under each other).
 */
export async function createEstimator(config: EstimatorConfig & FallbackConfig): Promise<PoseEstimator> {
  const { fallback, fallbackAfterMisses, kneeMask, ...one } = config;
  const primary = await createOne(one);
  // Later models run on the backend the first one runs on by then.
  const backend = () => (primary.info.backend === 'webgl' ? 'webgl' : 'wasm');
  const estimator =
    !fallback || fallback === one.model
      ? primary
      : new FallbackEstimator(primary, () => createOne({ ...one, model: fallback, backend: backend() }), {
          afterMisses: fallbackAfterMisses,
        });
  if (!kneeMask || primary.info.runtime !== 'tfjs' || (one.rotation ?? 0) !== 0) return estimator;
  return new KneeMaskEstimator(estimator, async () => {
    const b = backend();
    await useBackend(b);
    const detector = await createTfjsDetector(
      validateEstimatorConfig({ ...one, model: 'blazepose-full', backend: b }),
      { segmentation: true },
    );
    return blazePoseMaskSource(detector, { mirrored: one.mirrored ?? false });
  });
}

async function createOne(config: EstimatorConfig): Promise<PoseEstimator> {
  validateEstimatorConfig(config);
  const smoothing =
    config.smoothing === false ? false : config.smoothing === true ? {} : (config.smoothing ?? {});
  const wrap = (
    detector: PoseDetector,
    backend: Backend,
    runtime: 'tfjs' | 'mediapipe',
    backendReason: string,
  ) =>
    new DetectorEstimator(detector, {
      model: config.model,
      backend,
      runtime,
      backendReason,
      mirrored: config.mirrored ?? false,
      rotation: config.rotation ?? 0,
      smoothing,
    });

  if (config.model === 'mediapipe-lite' || config.model === 'mediapipe-full') {
    const { createBlazePoseMediapipeDetector } = await import('./blazepose_mediapipe/estimator');
    const variant = config.model === 'mediapipe-lite' ? 'lite' : 'full';
    return wrap(
      await createBlazePoseMediapipeDetector(variant, config.baseUrl),
      'mediapipe',
      'mediapipe',
      'MediaPipe runtime (WebGL)',
    );
  }

  const make = async (backend: TfjsBackend, reason: string) => {
    await useBackend(backend);
    return wrap(await createTfjsDetector(config), backend, 'tfjs', reason);
  };

  if (config.backend !== 'auto') return make(config.backend, `${config.backend}: chosen in settings`);

  const gl = webglInfo();
  if (!gl.available) return make('wasm', 'auto: wasm (WebGL is not available)');
  if (gl.software)
    return make('wasm', `auto: wasm (WebGL is software-rendered by ${shortRenderer(gl.renderer)})`);
  return new AutoBackendEstimator((b) => make(b, `auto: ${b}`), ['webgl', 'wasm']).onChosen(useBackend);
}

function shortRenderer(renderer: string | null): string {
  return (renderer ?? 'unknown').replace(/^ANGLE \(|\)$/g, '').slice(0, 60);
}
