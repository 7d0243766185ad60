// Browser tfjs backends. tfjs has ONE global active backend: switching (tf.setBackend) affects every
// model, so a detector must be created, used and disposed on the backend that was active when it
// loaded. The factory switches only between detectors, never while one is in use.
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export type TfjsBackend = 'wasm' | 'webgl';

let wasmPathsSet = false;

/** Make `name` the active tfjs backend, loading its code on first use (webgl is only fetched when asked for). */
export async function useBackend(name: TfjsBackend): Promise<void> {
  if (name === 'wasm' && !wasmPathsSet) {
    // Our own origin serves the .wasm binaries (Vite ?url assets), never a CDN.
    setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
    });
    wasmPathsSet = true;
  }
  if (name === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
  if (tf.getBackend() === name) return;
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`The ${name} backend could not start in this browser.`);
  await tf.ready();
}

export interface WebGlInfo {
  readonly available: boolean;
  readonly renderer: string | null;
  /** A CPU rasteriser posing as a GPU (SwiftShader, llvmpipe): WebGL there is many times slower than wasm. */
  readonly software: boolean;
}

export function webglInfo(): WebGlInfo {
  let gl: WebGLRenderingContext | WebGL2RenderingContext | null = null;
  try {
    const canvas = document.createElement('canvas');
    gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  } catch {
    gl = null;
  }
  if (!gl) return { available: false, renderer: null, software: false };
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { available: true, renderer, software: /swiftshader|llvmpipe|software|softpipe/i.test(renderer) };
}
