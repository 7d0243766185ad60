import { reverse, type Tensor3D } from '@tensorflow/tfjs-core';
import type { PoseInput } from './estimator';

/** A turned frame for one estimate; release() frees what the turn made (a tensor; the canvas is reused). */
export interface TurnedFrame {
  readonly input: PoseInput;
  release(): void;
}

type Canvas = HTMLCanvasElement | OffscreenCanvas;
type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A Worker has no document: there the canvases are OffscreenCanvas (recorded video, pose/worker/). */
const makeCanvas = (): Canvas =>
  typeof document === 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');

/**
 * Turns frames 180° for the model. A Tensor3D (Node) is reversed along height and width (one tf op, a new
 * tensor the caller releases). A DOM source (video, image, canvas, bitmap) is drawn once into a reused canvas
 * with a 180° transform: one drawImage per frame, which the models then read as they would the video. In a
 * Worker the canvas is an OffscreenCanvas, handed to the model as an ImageBitmap (pose-detection reads
 * bitmaps, not OffscreenCanvas) that release() closes.
 */
export class FrameTurner {
  #canvas: Canvas | null = null;
  #ctx: Context | null = null;
  #scratch: Canvas | null = null;

  turn(frame: PoseInput, width: number, height: number): TurnedFrame {
    if ('shape' in frame) {
      const t = reverse(frame, [0, 1]) as Tensor3D;
      return { input: t, release: () => t.dispose() };
    }
    const ctx = this.#context(width, height);
    ctx.setTransform(-1, 0, 0, -1, width, height);
    if ('data' in frame) {
      // putImageData ignores the transform: stage the pixels on a second canvas, then draw that.
      this.#scratch ??= makeCanvas();
      this.#scratch.width = width;
      this.#scratch.height = height;
      (this.#scratch.getContext('2d') as Context).putImageData(frame, 0, 0);
      ctx.drawImage(this.#scratch, 0, 0, width, height);
    } else {
      ctx.drawImage(frame, 0, 0, width, height);
    }
    const canvas = this.#canvas!;
    // (No instanceof HTMLCanvasElement: that name does not exist in a Worker.)
    if (!('transferToImageBitmap' in canvas)) return { input: canvas, release: () => undefined };
    const bitmap = canvas.transferToImageBitmap();
    return { input: bitmap, release: () => bitmap.close() };
  }

  #context(width: number, height: number): Context {
    if (!this.#canvas) {
      this.#canvas = makeCanvas();
      // The models read the pixels back on the CPU (wasm) every frame.
      this.#ctx = this.#canvas.getContext('2d', { willReadFrequently: true }) as Context | null;
      if (!this.#ctx) throw new Error('Could not get a 2D canvas to turn the frame.');
    }
    if (this.#canvas.width !== width || this.#canvas.height !== height) {
      this.#canvas.width = width;
      this.#canvas.height = height;
    }
    return this.#ctx!;
  }
}
