// The render rig as a Node API: serves the repository over localhost, opens page/rig.html in headless Chromium
// (SwiftShader WebGL) and renders specs through the page's window.renderCase. Shared by generate.mjs (still
// fixture sets) and clips.mjs (trial clips).
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, SWIFTSHADER_ARGS } from '../chromium_flags.mjs';

export const REPO_ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const SHARED_BODIES = resolve(REPO_ROOT, '../shared/fixtures/bodies');

/** Where a set's frames come from, for manifests; `what` names the run (seed, body, clip). */
export const rigSource = (what) =>
  `goniocam render rig (scripts/rig), ${what}: the MakeHuman body from Debian assimp-testmodels ` +
  '(CC0 MakeHuman export, rigged by shared/fixtures/makehuman-rigged/rig.py), posed in three.js and rendered in headless ' +
  'Chromium (SwiftShader). Truth = the rotation the rig applied and joint centres projected through the render camera.';

const TYPES = {
  '.html': 'text/html',
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.glb': 'model/gltf-binary',
};

/**
 * Start the rig. `render(spec)` resolves to { png: Buffer, joints2d, joints3dM } (see page/rig.mjs);
 * always `close()` it (a finally block), or Chromium and the server keep the process alive.
 */
export async function openRig() {
  const server = createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    // The other bodies are read from the shared fixtures beside the clone (rendering is not part of CI).
    const [base, rest] = url.startsWith('/shared-bodies/')
      ? [SHARED_BODIES, url.slice('/shared-bodies'.length)]
      : [REPO_ROOT, url];
    const path = join(base, rest);
    if (!path.startsWith(base) || !existsSync(path)) return res.writeHead(404).end();
    res
      .writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' })
      .end(readFileSync(path));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, ...SWIFTSHADER_ARGS],
    });
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('rig page error:', e.message));
    await page.goto(`${base}/scripts/rig/page/rig.html`);
    await page.waitForFunction(() => window.rigReady === true, null, { timeout: 60_000 });
    return {
      async render(spec) {
        const r = await page.evaluate((s) => window.renderCase(s), spec);
        return { ...r, png: Buffer.from(r.png, 'base64') };
      },
      async close() {
        await browser.close();
        server.close();
      },
    };
  } catch (err) {
    await browser?.close();
    server.close();
    throw err;
  }
}
