import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { MEASUREMENT_ERROR_DEG } from '../src/lib/feedback/thresholds';
import { CHROMIUM_ARGS, CHROMIUM_PATH, fakeCameraArgs } from '../scripts/chromium_flags.mjs';
import { cspContent } from '../scripts/pwa/csp';
import { BASE_URL } from './playwright.config';
import { videoFixture } from './recording_flow';

// Installable and offline, in the built app: one online visit installs the service worker (the app shell is
// precached) and "Make available offline" stores the tests' pose weights; then the network goes off, the page
// reloads, and a whole squat screen runs with the fake camera (the rig's squat clip, e2e/run.mjs), its result
// is saved and opened as a report, and a recorded video starts analysing in the pose Workers, all offline. Every
// step runs under the built app's Content-Security-Policy, and any violation fails the test.

const out = process.env.E2E_OUT ?? new URL('./out/', import.meta.url).pathname;
const ORIGIN = new URL(BASE_URL).origin;

test.use({
  serviceWorkers: 'allow',
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...fakeCameraArgs(`${out}squat-clip.y4m`)],
  },
});

/** Every CSP violation the page reports (the DOM event) or logs (console), from before the first script runs. */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  return seen;
}

/** What each of our caches holds, as paths. */
const cachedPaths = (page: Page) =>
  page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys())
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
    return out;
  });

test('after one online visit goniocam starts and runs a whole squat screen, a report and a recording with the network off', async ({
  page,
  context,
}) => {
  test.setTimeout(480_000);
  const violations = await watchCsp(page);
  const t0 = Date.now();
  const steps: string[] = [];
  const step = (name: string) => steps.push(`${name} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));

  // 1. Online: the policy is in the built page, the manifest makes it installable, the worker installs.
  await page.goto('/#/squat');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    cspContent(),
  );
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    return link ? ((await (await fetch(link.href)).json()) as Record<string, unknown>) : null;
  });
  expect(manifest).toMatchObject({ short_name: 'goniocam', display: 'standalone', start_url: '.' });
  const iconSizes = (manifest!.icons as { sizes: string; purpose: string }[]).map(
    (i) => `${i.sizes} ${i.purpose}`,
  );
  expect(iconSizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  // The first worker claims the page it was installed from (clientsClaim), so this visit is already served by it.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { timeout: 60_000 })
    .toBe('activated');

  const offline = page.getByTestId('offline');
  await expect(offline).toHaveAttribute('data-state', 'not-stored');
  await expect(offline).toHaveAttribute('data-shell', 'ready');
  await page.locator('header').screenshot({ path: `${out}offline-button.png` });
  // Pressed with the network already gone: it says so and offers to try again; nothing half-stored counts.
  await context.setOffline(true);
  await page.getByTestId('offline-button').click();
  await expect(offline).toHaveAttribute('data-state', 'failed');
  await expect(offline.getByRole('alert')).toContainText('network is unreachable');
  await context.setOffline(false);
  await expect(page.getByTestId('offline-button')).toHaveText(/Try again/);
  await page.getByTestId('offline-button').click();
  await expect(page.getByTestId('offline-status')).toHaveText(/Works offline/, { timeout: 120_000 });
  step('stored');
  await page.screenshot({ path: `${out}offline-stored.png` });

  // What is stored: the tests' weights (BlazePose full + detector, MoveNet Thunder) in the models cache, the
  // app shell and the tfjs wasm binaries in Workbox's precache.
  const cached = await cachedPaths(page);
  const models = Object.entries(cached).find(([n]) => n.startsWith('goniocam-models-'))?.[1] ?? [];
  for (const f of ['blazepose-detector', 'blazepose-full', 'movenet-thunder'])
    expect(models, `${f} stored`).toEqual(expect.arrayContaining([`/models/${f}.json`, `/models/${f}.bin`]));
  const precache = Object.entries(cached).find(([n]) => n.startsWith('workbox-precache'))?.[1] ?? [];
  expect(precache).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest']));
  expect(precache.filter((p) => /tfjs-backend-wasm.*\.wasm$/.test(p))).toHaveLength(3);
  expect(precache.some((p) => /pose_worker-.*\.js$/.test(p))).toBe(true);

  // 2. The network goes off: nothing the worker has not stored can be reached.
  await context.setOffline(true);
  expect(
    await page.evaluate(() =>
      fetch(`/network-probe-${Date.now()}`).then(
        () => 'reached',
        () => 'unreachable',
      ),
    ),
  ).toBe('unreachable');
  const offlineFrom = requests.length;
  const modelResponses: { path: string; fromWorker: boolean }[] = [];
  context.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/models/'))
      modelResponses.push({ path: u.pathname, fromWorker: r.fromServiceWorker() });
  });

  await page.reload();
  await expect(page.getByTestId('offline-status')).toHaveText(/Works offline/);

  // 3. A whole squat screen, hands-free, offline.
  await page.goto('/?backend=wasm&autostart=test#/squat');
  await expect(page.getByTestId('squat-phase')).toHaveAttribute('data-phase', 'reps', { timeout: 90_000 });
  const results = page.getByTestId('squat-results');
  await expect(results).toBeVisible({ timeout: 150_000 });
  await expect(results).toContainText('5 reps counted');
  const truth = (
    JSON.parse(
      readFileSync(new URL('../test-fixtures/synth/clips/squat/clip.json', import.meta.url), 'utf8'),
    ) as { truth: { meanFppaDeg: Record<'left' | 'right', number> } }
  ).truth.meanFppaDeg;
  const shown: string[] = [];
  for (const side of ['left', 'right'] as const) {
    const value = Number(await page.getByTestId(`squat-${side}-fppa`).getAttribute('data-value'));
    shown.push(`${side} ${value}° (truth ${truth[side]}°)`);
    expect(Math.abs(value - truth[side]), `${side} FPPA offline`).toBeLessThanOrEqual(
      MEASUREMENT_ERROR_DEG.squat.p95Deg!,
    );
  }
  step('squat done');
  await page.screenshot({ path: `${out}offline-squat-results.png`, fullPage: true });

  // 4. Its saved result opens as a report (the History and report screens load from the precache).
  await page.getByTestId('nav-history').click();
  await page.getByTestId('history-open').first().click();
  await expect(page.getByTestId('report')).toBeVisible();
  await expect(page.getByTestId('report-value').first()).toBeVisible();
  await page.getByTestId('nav-trainer').click();
  await expect(page.locator('main')).not.toBeEmpty();

  // 5. A recorded video: the pose Workers load MoveNet Thunder through the service worker and analyse frames
  // (the whole analysis is recording.spec.ts's; here it is cancelled once frames are flowing).
  step('report');
  await page.getByTestId('nav-hip').click();
  await page.getByTestId('pick-supine').click();
  await page.getByTestId('recording-input').setInputFiles(videoFixture('supine.mp4'));
  await expect(page.getByTestId('progress-rate')).toContainText('frames/s', { timeout: 120_000 });
  await page.getByTestId('cancel-analysis').click();
  await expect(page.getByTestId('recording-cancelled')).toBeVisible();
  step('recording analysed');
  // Offline, every model file came from the service worker's cache; nothing left this origin, ever.
  const offlineRequests = requests.slice(offlineFrom);
  console.log(
    `offline: squat ${shown.join(', ')}; ${offlineRequests.length} requests while offline, model responses ` +
      `${modelResponses.length} (from the worker: ${modelResponses.filter((m) => m.fromWorker).length}); ` +
      steps.join(', '),
  );
  // The squat screen's MoveNet Thunder (the page) and the recording's (each pose Worker loads its own) all came
  // from the cache: the weights answered at least twice, page and Workers.
  expect(
    modelResponses.filter((m) => m.path === '/models/movenet-thunder.bin').length,
  ).toBeGreaterThanOrEqual(2);
  expect(modelResponses.filter((m) => !m.fromWorker)).toEqual([]);
  expect(requests.filter((u) => !u.startsWith(`${ORIGIN}/`) && !/^(data|blob):/.test(u))).toEqual([]);
  expect(violations).toEqual([]);

  // The policy is enforced, and the watch above sees it: an inline script is refused and reported.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
  });
  await expect.poll(() => violations.some((v) => v.startsWith('script-src-elem blocked inline'))).toBe(true);
  expect(await page.evaluate(() => '__inlineRan' in window)).toBe(false);
});
