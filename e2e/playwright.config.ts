import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, fakeCameraArgs } from '../scripts/chromium_flags.mjs';

// E2E_OUT: a run's own clips and results folder, so two e2e runs can share a machine.
const out = process.env.E2E_OUT ?? new URL('./out/', import.meta.url).pathname;
/** E2E_PORT (with GONIOCAM_DIST for the build) lets two e2e runs share a machine. */
export const PORT = Number(process.env.E2E_PORT ?? 4174);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export const fakeCamera = (y4m: string) => fakeCameraArgs(`${out}${y4m}`);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: `${out}results-${PORT}`,
  timeout: 120_000,
  expect: { timeout: 60_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, ...fakeCamera('lunge.y4m')],
    },
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: BASE_URL,
    cwd: new URL('..', import.meta.url).pathname,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
