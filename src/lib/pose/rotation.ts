import { reverse, type Tensor3D } from '@tensorflow/tfjs-core';
import type { JointName, Pose } from '../types';
import type { PoseInput } from './estimator';

/**
 * How far the frame is turned before the model sees it. 180: the camera looks at the person upside down
 * (prone, camera behind the head: the feet at the top of the picture, the head at the bottom), and the
 * models read a body far better with the head at the top (README, prone). Turned once here, at the edge,
 * and the keypoints turned back, so everything downstream sees the frame as it came from the camera.
 */
export type FrameRotation = 0 | 180;
export const FRAME_ROTATIONS: readonly FrameRotation[] = [0, 180];

/**
 * Keypoints found in a frame turned 180° → the frame's own pixels: x → W − x, y → H − y (the continuous
 * pixel coordinates of pixel i become those of pixel W − 1 − i). A turn is a rotation, not a mirror, so the
 * person's left stays "left". World keypoints (x image-right, y image-down, z away from the camera) are a
 * camera rolled 180° about its optical axis: x and y negated, z unchanged.
 */
export function turnPoseBack180(pose: Pose): Pose {
  const joints: Partial<Record<JointName, Pose['joints'][JointName]>> = {};
  for (const [name, j] of Object.entries(pose.joints) as [
    JointName,
    NonNullable<Pose['joints'][JointName]>,
  ][]) {
    joints[name] = { x: pose.width - j.x, y: pose.height - j.y, score: j.score };
  }
  let world: Pose['world'];
  if (pose.world) {
    const w: Partial<Record<JointName, NonNullable<Pose['world']>[JointName]>> = {};
    for (const [name, j] of Object.entries(pose.world) as [
      JointName,
      NonNullable<NonNullable<Pose['world']>[JointName]>,
    ][]) {
      w[name] = { x: -j.x, y: -j.y, z: j.z, score: j.score };
    }
    world = w;
  }
  return { ...pose, joints, ...(world ? { world } : {}) };
}

/** A turned frame for one estimate; release() frees what the turn made (a tensor; the canvas is reused). */
export interface TurnedFrame {
  readonly input: PoseInput;
  release(): void;
}

/**
 * Turns frames 180° for the model. A Tensor3D (Node) is reversed along height and width (one tf op, a new
 * tensor the caller releases). A DOM source (video, image, canvas, bitmap) is drawn once into a reused canvas
 * with a 180° transform: one drawImage per frame, which the models then read as they would the video.
 */
export class FrameTurner {
  #canvas: HTMLCanvasElement | null = null;
  #ctx: CanvasRenderingContext2D | null = null;
  #scratch: HTMLCanvasElement | null = null;

  turn(frame: PoseInput, width: number, height: number): TurnedFrame {
    if ('shape' in frame) {
      const t = reverse(frame, [0, 1]) as Tensor3D;
      return { input: t, release: () => t.dispose() };
    }
    const ctx = this.#context(width, height);
    ctx.setTransform(-1, 0, 0, -1, width, height);
    if ('data' in frame) {
      // putImageData ignores the transform: stage the pixels on a second canvas, then draw that.
      this.#scratch ??= document.createElement('canvas');
      this.#scratch.width = width;
      this.#scratch.height = height;
      this.#scratch.getContext('2d')!.putImageData(frame, 0, 0);
      ctx.drawImage(this.#scratch, 0, 0, width, height);
    } else {
      ctx.drawImage(frame, 0, 0, width, height);
    }
    return { input: this.#canvas!, release: () => undefined };
  }

  #context(width: number, height: number): CanvasRenderingContext2D {
    if (!this.#canvas) {
      this.#canvas = document.createElement('canvas');
      // The models read the pixels back on the CPU (wasm) every frame.
      this.#ctx = this.#canvas.getContext('2d', { willReadFrequently: true });
      if (!this.#ctx) throw new Error('Could not get a 2D canvas to turn the frame.');
    }
    if (this.#canvas.width !== width || this.#canvas.height !== height) {
      this.#canvas.width = width;
      this.#canvas.height = height;
    }
    return this.#ctx!;
  }
}
