import { defineConfig } from '@playwright/test';

const out = new URL('./out/', import.meta.url).pathname;
export const PORT = 4174;
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/** Flags every launch uses: no network chatter (this machine has no internet), no sandbox as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export const fakeCamera = (y4m: string) => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${out}${y4m}`,
];

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: `${out}results`,
  timeout: 120_000,
  expect: { timeout: 60_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
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
