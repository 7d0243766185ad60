import type { ModelId } from '../types';

/** Where each model's files live under the app's base URL. One place, so nothing else spells a path. */
export function modelUrls(
  model: ModelId,
  baseUrl: string,
): { model?: string; detector?: string; landmark?: string } {
  const m = `${baseUrl}models/`;
  switch (model) {
    case 'movenet-lightning':
      return { model: `${m}movenet-lightning.json` };
    case 'movenet-thunder':
      return { model: `${m}movenet-thunder.json` };
    case 'blazepose-lite':
      return { detector: `${m}blazepose-detector.json`, landmark: `${m}blazepose-lite.json` };
    case 'blazepose-full':
      return { detector: `${m}blazepose-detector.json`, landmark: `${m}blazepose-full.json` };
    case 'mediapipe-lite':
    case 'mediapipe-full':
      return {};
  }
}

/** The @mediapipe/pose runtime's files (wasm, tflite, data), copied into the build by vite.config.ts. */
export function mediapipeSolutionPath(baseUrl: string): string {
  return `${baseUrl}mediapipe/pose`;
}
