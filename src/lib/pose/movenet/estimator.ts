import * as poseDetection from '@tensorflow-models/pose-detection';
import type { PoseDetector } from '@tensorflow-models/pose-detection';
import type { ModelSource } from '../config';

/** MoveNet SinglePose (17 COCO keypoints, 2D) from our own model file. */
export async function createMoveNetDetector(
  variant: 'lightning' | 'thunder',
  model: ModelSource,
): Promise<PoseDetector> {
  return poseDetection.createDetector(poseDetection.SupportedModels.MoveNet, {
    modelType:
      variant === 'lightning'
        ? poseDetection.movenet.modelType.SINGLEPOSE_LIGHTNING
        : poseDetection.movenet.modelType.SINGLEPOSE_THUNDER,
    modelUrl: model,
    enableSmoothing: false,
  });
}
