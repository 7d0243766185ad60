import * as poseDetection from '@tensorflow-models/pose-detection';
import type { PoseDetector } from '@tensorflow-models/pose-detection';
import { mediapipeSolutionPath } from '../model_paths';
import { loadMediapipeRuntime } from './load_runtime';

/** BlazePose on Google's MediaPipe runtime (its own wasm + WebGL graph); needs WebGL. */
export async function createBlazePoseMediapipeDetector(
  variant: 'lite' | 'full',
  baseUrl: string,
): Promise<PoseDetector> {
  if (!hasWebGl2()) {
    throw new Error(
      'BlazePose (MediaPipe runtime) needs WebGL 2, which this browser does not offer: choose a tfjs model.',
    );
  }
  await loadMediapipeRuntime(baseUrl);
  return poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, {
    runtime: 'mediapipe',
    modelType: variant,
    solutionPath: mediapipeSolutionPath(baseUrl),
    enableSmoothing: false,
    enableSegmentation: false,
  });
}

function hasWebGl2(): boolean {
  try {
    return !!document.createElement('canvas').getContext('webgl2');
  } catch {
    return false;
  }
}
