// The installable, offline app (vite.config.ts): vite-plugin-pwa in generateSW mode (Workbox writes the service
// worker) and the Content-Security-Policy put into the built index.html.
//
// What the service worker keeps:
// - precached at install: the app shell, i.e. index.html, every JS/CSS chunk (lazy screens and the pose Worker
//   included), the tfjs wasm binaries (Vite assets: src/lib/pose/tfjs_backend.ts), the icons and the manifest.
//   All are under Workbox's 2 MiB per-file precache limit and carry a revision.
// - cached on first use (CacheFirst, this origin only): /models/* (pose weights, up to 12 MB each) and
//   /mediapipe/pose/* (the MediaPipe runtime, 51 MB, only fetched if that model is chosen). Their URLs carry no
//   hash, so each cache is named for its content (src/lib/storage/offline_cache.ts); the app fills the models
//   cache ahead of time with "Make available offline" (src/lib/storage/offline_fill.ts).
//
// Updates: a new build's worker waits until every goniocam tab is closed (registerType 'prompt', no
// skipWaiting), so a test in progress is never reloaded under the person. clientsClaim lets the first worker
// control the page it was installed from, so weights loaded in that first visit are cached already.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { offlineCacheNames, type OfflineCacheNames } from '../../src/lib/storage/offline_cache.ts';
import { cspContent } from './csp.ts';

const root = new URL('../../', import.meta.url);

export function cacheNamesForBuild(): OfflineCacheNames {
  const sums = readFileSync(new URL('models/SHA256SUMS', root), 'utf8');
  const mp = JSON.parse(readFileSync(new URL('node_modules/@mediapipe/pose/package.json', root), 'utf8')) as {
    version: string;
  };
  return offlineCacheNames(sums, mp.version);
}

/**
 * The built index.html gets the policy right after <meta charset>, before anything it governs; the dev server
 * does not (Vite's HMR injects inline styles and scripts).
 */
function cspPlugin(): Plugin {
  const charset = /<meta charset="UTF-8" \/>/i;
  return {
    name: 'goniocam-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        if (!charset.test(html)) throw new Error('goniocam-csp: index.html has no <meta charset="UTF-8" />');
        const meta = `<meta http-equiv="Content-Security-Policy" content="${cspContent()}" />`;
        return html.replace(charset, (m) => `${m}\n    ${meta}`);
      },
    },
  };
}

export function pwaPlugins(): Plugin[] {
  const caches = cacheNamesForBuild();
  return [
    cspPlugin(),
    ...VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      // public/registerSW.js-style external script: an inline one would need 'unsafe-inline' under the CSP.
      injectRegister: 'script',
      // The dev server runs without a service worker (nothing cached under a moving dev build).
      devOptions: { enabled: false },
      // Not in the manifest (iOS reads it from index.html's <link rel="apple-touch-icon">).
      includeAssets: ['icons/apple-touch-icon-180.png'],
      manifest: {
        name: 'goniocam — hip rotation from your camera',
        short_name: 'goniocam',
        description: 'Measure hip internal rotation with your camera, on your device, offline.',
        theme_color: '#0b1020',
        background_color: '#0b1020',
        display: 'standalone',
        start_url: '.',
        scope: '.',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // The manifest and its icons are added by the plugin itself (includeManifestIcons).
        globPatterns: ['**/*.{js,css,html,wasm,svg,png}'],
        // Too big to precache and not needed to open the app: cached on first use (below).
        globIgnores: ['models/**', 'mediapipe/**', 'icons/**'],
        navigateFallback: 'index.html',
        // Opening a weight or runtime file directly is not a visit to the app.
        navigateFallbackDenylist: [/\/models\//, /\/mediapipe\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
        runtimeCaching: [
          {
            // Workbox serialises this function into the worker: it must not use anything outside itself.
            urlPattern: ({ sameOrigin, url }) =>
              sameOrigin && /\/models\/[^/]+\.(?:json|bin)$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: caches.models, cacheableResponse: { statuses: [200] } },
          },
          {
            urlPattern: ({ sameOrigin, url }) => sameOrigin && /\/mediapipe\/pose\/[^/]+$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: caches.mediapipe, cacheableResponse: { statuses: [200] } },
          },
        ],
      },
    }),
  ];
}
