import { BACKEND_CHOICES, MODEL_IDS, type BackendChoice } from '../lib/pose/config';
import { FRAME_ROTATIONS, type FrameRotation } from '../lib/pose/rotation';
import { HIP_TEST_IDS, type HipTestId, type ModelId } from '../lib/types';

/** Query parameters that start the app hands-free (tests, the benchmark, a bookmarked setup). */
export interface LaunchOptions {
  readonly model?: ModelId;
  readonly backend?: BackendChoice;
  /** 'camera' opens the camera; 'test' also starts the chosen guided test, hands-free. */
  readonly autostart?: 'camera' | 'test';
  readonly test?: HipTestId;
  /** Turn frames for the model (the live screen; a guided test uses its own test's rotation). */
  readonly rotation?: FrameRotation;
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
    ...(q.get('autostart') === 'camera' || q.get('autostart') === 'test'
      ? { autostart: q.get('autostart') as 'camera' | 'test' }
      : {}),
    ...(HIP_TEST_IDS.includes(q.get('test') as HipTestId) ? { test: q.get('test') as HipTestId } : {}),
    ...(FRAME_ROTATIONS.map(String).includes(q.get('rotation') ?? '')
      ? { rotation: Number(q.get('rotation')) as FrameRotation }
      : {}),
    bench: q.has('bench'),
  };
}
