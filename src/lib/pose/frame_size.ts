import type { PoseInput } from './estimator';

/** Pixel size of a frame as the model sees it (a video's intrinsic size, not its CSS box). */
export function frameSize(frame: PoseInput): { width: number; height: number } {
  if ('shape' in frame) return { width: frame.shape[1], height: frame.shape[0] };
  if ('videoWidth' in frame) return { width: frame.videoWidth, height: frame.videoHeight };
  if ('naturalWidth' in frame) return { width: frame.naturalWidth, height: frame.naturalHeight };
  return { width: frame.width, height: frame.height };
}
