import type { PoseDetector } from '@tensorflow-models/pose-detection';
import type { EstimatorConfig, ModelSource } from './config';
import { modelUrls } from './model_paths';

// Kept apart from tfjs_backend.ts (browser-only ?url imports) so Node can create detectors too.
/**
 * Create the tfjs-runtime detector for a config; `sources` override the URLs (Node passes file handlers).
 * `segmentation`: BlazePose's person mask as well (mask_source.ts); other models have none.
 */
export async function createTfjsDetector(
  config: EstimatorConfig,
  opts: { segmentation?: boolean } = {},
): Promise<PoseDetector> {
  const urls = modelUrls(config.model, config.baseUrl);
  const src = (key: 'model' | 'detector' | 'landmark'): ModelSource => {
    const s = config.sources?.[key] ?? urls[key];
    if (!s) throw new Error(`No ${key} file for model ${config.model}.`);
    return s;
  };
  switch (config.model) {
    case 'movenet-lightning':
    case 'movenet-thunder': {
      if (opts.segmentation) throw new Error(`${config.model} gives no person mask.`);
      const { createMoveNetDetector } = await import('./movenet/estimator');
      return createMoveNetDetector(
        config.model === 'movenet-lightning' ? 'lightning' : 'thunder',
        src('model'),
      );
    }
    case 'blazepose-lite':
    case 'blazepose-full': {
      const { createBlazePoseTfjsDetector } = await import('./blazepose_tfjs/estimator');
      return createBlazePoseTfjsDetector(
        config.model === 'blazepose-lite' ? 'lite' : 'full',
        src('detector'),
        src('landmark'),
        opts.segmentation ?? false,
      );
    }
    default:
      throw new Error(`${config.model} does not run on the tfjs runtime.`);
  }
}
