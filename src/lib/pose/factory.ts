import type { PoseDetector } from '@tensorflow-models/pose-detection';
import type { Backend } from '../types';
import { AutoBackendEstimator } from './auto_backend';
import { validateEstimatorConfig, type EstimatorConfig } from './config';
import { DetectorEstimator } from './detector_estimator';
import type { PoseEstimator } from './estimator';
import { useBackend, webglInfo, type TfjsBackend } from './tfjs_backend';
import { createTfjsDetector } from './tfjs_detector';

/**
 * The one way the browser app gets a pose estimator (tfjs-models create_detector.ts): validate the
 * config, pick the runtime and backend, load our own model files, wrap in the common interface.
 */
export async function createEstimator(config: EstimatorConfig): Promise<PoseEstimator> {
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
