import * as tf from '@tensorflow/tfjs-core';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

/** An RGB image as pixels: what a model input tensor is built from. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** RGBA, 4 bytes per pixel. */
  readonly rgba: Uint8Array;
}

/** Decode a .jpg/.jpeg/.png file; any other extension is refused with a clear message. */
export async function decodeImageFile(path: string): Promise<RgbImage> {
  const bytes = await readFile(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.jpg' || ext === '.jpeg') {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    return { width: img.width, height: img.height, rgba: img.data };
  }
  if (ext === '.png') {
    const img = PNG.sync.read(bytes);
    return {
      width: img.width,
      height: img.height,
      rgba: new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.length),
    };
  }
  throw new Error(`Can't read ${path}: only .jpg, .jpeg and .png images are supported.`);
}

/** RGBA pixels → int32 H×W×3 tensor (what fromPixels makes in the browser). Caller disposes it. */
export function imageToTensor(img: RgbImage): tf.Tensor3D {
  const rgb = new Int32Array(img.width * img.height * 3);
  for (let i = 0, j = 0; i < img.rgba.length; i += 4, j += 3) {
    rgb[j] = img.rgba[i]!;
    rgb[j + 1] = img.rgba[i + 1]!;
    rgb[j + 2] = img.rgba[i + 2]!;
  }
  return tf.tensor3d(rgb, [img.height, img.width, 3], 'int32');
}
