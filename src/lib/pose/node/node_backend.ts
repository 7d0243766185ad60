// tfjs in Node without tfjs-node (it downloads libtensorflow, impossible offline): the wasm backend
// loads its .wasm from node_modules by file path.
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

let ready: Promise<void> | null = null;

export function useNodeWasmBackend(): Promise<void> {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    setWasmPaths(`${dist}/`);
    if (!(await tf.setBackend('wasm'))) throw new Error('tfjs wasm backend failed to start in Node');
    await tf.ready();
  })();
  return ready;
}
