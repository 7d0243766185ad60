import { svelte } from '@sveltejs/vite-plugin-svelte';
import basicSsl from '@vitejs/plugin-basic-ssl';
import { fileURLToPath } from 'node:url';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { defineConfig } from 'vitest/config';
import { cacheNamesForBuild, pwaPlugins } from './scripts/pwa/pwa_options.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Everything the app loads at run time comes from its own origin:
//   /models/*          pose weights committed in models/ (MODELS.md)
//   /mediapipe/pose/*  the @mediapipe/pose runtime files (wasm, tflite, data) from its npm package
// vite-plugin-static-copy serves both in dev and copies them into dist/ on build.
// GONIOCAM_LAN=1 (npm run start:lan) serves over HTTPS on all interfaces with a self-signed
// certificate: browsers only grant getUserMedia on https:// or http://localhost, so a phone on
// the LAN needs HTTPS to use its camera.
const lan = process.env.GONIOCAM_LAN === '1';

export default defineConfig({
  plugins: [
    svelte(),
    ...(lan ? [basicSsl()] : []),
    viteStaticCopy({
      targets: [
        { src: 'models/*.{json,bin}', dest: 'models' },
        {
          src: 'node_modules/@mediapipe/pose/*.{js,wasm,data,tflite,binarypb}',
          dest: 'mediapipe/pose',
        },
      ],
    }),
    // Installable and offline (service worker, manifest) with a strict Content-Security-Policy: scripts/pwa/.
    ...pwaPlugins(),
  ],
  // The Cache Storage names the service worker uses for the weights and the MediaPipe runtime, so the app's
  // "Make available offline" fills the same caches (src/lib/storage/offline_cache.ts).
  define: { __GONIOCAM_OFFLINE_CACHES__: JSON.stringify(cacheNamesForBuild()) },
  resolve: {
    alias: {
      // @mediapipe/pose's pose.js only sets a global; pose-detection imports it as a module.
      // The shim hands pose-detection the global constructor (shared/README.md).
      '@mediapipe/pose': here('./src/lib/pose/blazepose_mediapipe/mediapipe_shim.ts'),
    },
  },
  // GONIOCAM_DIST: another output folder, so two builds (and their e2e runs) can sit side by side.
  build: { target: 'es2022', chunkSizeWarningLimit: 4000, outDir: process.env.GONIOCAM_DIST ?? 'dist' },
  // The pose Worker (src/lib/pose/worker/) loads its model code on demand (dynamic imports), which a
  // classic (iife) worker bundle cannot split: build it as an ES module worker.
  worker: { format: 'es' },
  server: { host: lan ? '0.0.0.0' : '127.0.0.1' },
  preview: { host: lan ? '0.0.0.0' : '127.0.0.1' },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
