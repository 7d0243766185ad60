import type { PoseDetector } from '@tensorflow-models/pose-detection';
import type { Tensor } from '@tensorflow/tfjs-core';
import type { PoseInput } from './estimator';
import type { Mask } from './mask_midline';

/** Person masks of frames, in the poses' own pixels (unmirrored); null when the model finds no one. */
export interface MaskSource {
  read(frame: PoseInput): Promise<Mask | null>;
  dispose(): void;
}

/**
 * BlazePose (made with segmentation on) as a MaskSource: its person mask, projected back to the whole frame by
 * pose-detection itself, read out as 0–1 per pixel. `mirrored`: the frame is a mirrored (selfie) picture whose
 * poses are flipped back (mirror.ts), so the mask is flipped the same way.
 */
export function blazePoseMaskSource(detector: PoseDetector, opts: { mirrored: boolean }): MaskSource {
  const read = async (frame: PoseInput): Promise<Mask | null> => {
    const poses = await detector.estimatePoses(frame, { maxPoses: 1, flipHorizontal: false });
    const seg = poses[0]?.segmentation;
    if (!seg) return null;
    const rgba = (await seg.mask.toTensor()) as Tensor;
    try {
      const [height, width] = rgba.shape as [number, number, number];
      const all = await rgba.data();
      // The library's RGBA mask holds the probability in its red channel (0–1 floats; 0–255 if ever integers).
      const scale = rgba.dtype === 'float32' ? 1 : 1 / 255;
      const data = new Float32Array(width * height);
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          const sx = opts.mirrored ? width - 1 - x : x;
          data[y * width + x] = Math.min(1, all[(y * width + sx) * 4]! * scale);
        }
      return { width, height, data };
    } finally {
      rgba.dispose();
    }
  };
  return { read, dispose: () => detector.dispose() };
}
