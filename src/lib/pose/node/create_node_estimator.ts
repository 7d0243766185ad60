import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelId } from '../../types';
import { validateEstimatorConfig, type EstimatorConfig } from '../config';
import { DetectorEstimator } from '../detector_estimator';
import type { PoseEstimator } from '../estimator';
import { createTfjsDetector } from '../tfjs_detector';
import { modelUrls } from '../model_paths';
import { fileModelHandler } from './file_io_handler';
import { useNodeWasmBackend } from './node_backend';
import { FallbackEstimator } from '../fallback_estimator';
import { KneeMaskEstimator } from '../knee_mask_estimator';
import { blazePoseMaskSource } from '../mask_source';

/** The repository's models/ folder (the same files the app serves). */
export const MODELS_DIR = fileURLToPath(new URL('../../../../models/', import.meta.url));

/**
 * A PoseEstimator for Node (CLI, tests): same detector code and edge conversion as the browser,
 * wasm backend, model files read from disk. Input frames are Tensor3D (see decode_image.ts).
 * `fallback`: a second model asked whenever this one finds no person (fallback_estimator.ts), made with
 * the same settings on first need, once this one has missed `fallbackAfterMisses` frames in a row (default 1).
 */
export async function createNodeEstimator(
  model: ModelId,
  opts: Pick<EstimatorConfig, 'smoothing' | 'mirrored' | 'rotation'> & {
    modelsDir?: string;
    fallback?: ModelId;
    fallbackAfterMisses?: number;
    /** BlazePose full's person mask confirms a low-scored knee (factory.ts FallbackConfig.kneeMask). */
    kneeMask?: boolean;
  } = {},
): Promise<PoseEstimator> {
  const { fallback, fallbackAfterMisses, kneeMask, ...rest } = opts;
  const primary = await createOne(model, rest);
  const estimator = fallback
    ? new FallbackEstimator(primary, () => createOne(fallback, rest), { afterMisses: fallbackAfterMisses })
    : primary;
  if (!kneeMask || (rest.rotation ?? 0) !== 0) return estimator;
  return new KneeMaskEstimator(estimator, async () => {
    const dir = rest.modelsDir ?? MODELS_DIR;
    const detector = await createTfjsDetector(
      validateEstimatorConfig({
        model: 'blazepose-full',
        backend: 'wasm',
        baseUrl: '/',
        sources: {
          detector: fileModelHandler(join(dir, 'blazepose-detector.json')),
          landmark: fileModelHandler(join(dir, 'blazepose-full.json')),
        },
      }),
      { segmentation: true },
    );
    return blazePoseMaskSource(detector, { mirrored: rest.mirrored ?? false });
  });
}

async function createOne(
  model: ModelId,
  opts: Pick<EstimatorConfig, 'smoothing' | 'mirrored' | 'rotation'> & { modelsDir?: string },
): Promise<PoseEstimator> {
  await useNodeWasmBackend();
  const { modelsDir, ...settings } = opts;
  const dir = modelsDir ?? MODELS_DIR;
  const urls = modelUrls(model, '/');
  const file = (url: string | undefined) =>
    url ? fileModelHandler(join(dir, url.replace(/^\/models\//, ''))) : undefined;
  const sources = Object.fromEntries(
    Object.entries({
      model: file(urls.model),
      detector: file(urls.detector),
      landmark: file(urls.landmark),
    }).filter(([, v]) => v),
  );
  const config = validateEstimatorConfig({ model, backend: 'wasm', baseUrl: '/', sources, ...settings });
  const detector = await createTfjsDetector(config);
  return new DetectorEstimator(detector, {
    model,
    backend: 'wasm',
    runtime: 'tfjs',
    backendReason: 'Node: wasm',
    mirrored: opts.mirrored ?? false,
    rotation: opts.rotation ?? 0,
    smoothing: opts.smoothing === false ? false : opts.smoothing === true ? {} : (opts.smoothing ?? {}),
  });
}
