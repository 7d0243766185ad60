import { BACKEND_CHOICES, MODEL_IDS, type BackendChoice } from '../lib/pose/config';
import type { ModelId } from '../lib/types';

/** Query parameters that start the app hands-free (tests, the benchmark, a bookmarked setup). */
export interface LaunchOptions {
  readonly model?: ModelId;
  readonly backend?: BackendChoice;
  readonly autostart?: 'camera';
  readonly bench: boolean;
}

/** The query string is untrusted: unknown values are ignored rather than passed on. */
export function readLaunchOptions(search: string): LaunchOptions {
  const q = new URLSearchParams(search);
  const model = q.get('model');
  const backend = q.get('backend');
  return {
    ...(MODEL_IDS.includes(model as ModelId) ? { model: model as ModelId } : {}),
    ...(BACKEND_CHOICES.includes(backend as BackendChoice) ? { backend: backend as BackendChoice } : {}),
    ...(q.get('autostart') === 'camera' ? { autostart: 'camera' as const } : {}),
    bench: q.has('bench'),
  };
}
