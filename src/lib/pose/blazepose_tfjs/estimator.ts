import * as poseDetection from '@tensorflow-models/pose-detection';
import type { PoseDetector } from '@tensorflow-models/pose-detection';
import type { ModelSource } from '../config';

/**
 * BlazePose GHUM on the tfjs runtime: 33 keypoints plus 3D world keypoints in metres; with `segmentation`, a
 * person mask too (knee_mask.ts' second look; unsmoothed, each frame its own).
 */
export async function createBlazePoseTfjsDetector(
  variant: 'lite' | 'full',
  detector: ModelSource,
  landmark: ModelSource,
  segmentation = false,
): Promise<PoseDetector> {
  return poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, {
    runtime: 'tfjs',
    modelType: variant,
    detectorModelUrl: detector,
    landmarkModelUrl: landmark,
    enableSmoothing: false,
    enableSegmentation: segmentation,
    smoothSegmentation: false,
  });
}
