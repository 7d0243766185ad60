import { expect, test } from '@playwright/test';
import { BASE_URL } from './playwright.config';

test('the built app opens the fake camera, draws a skeleton and finds hips, knees and ankles — requesting nothing off-origin', async ({
  page,
}) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  await page.goto('/?backend=wasm&model=movenet-lightning#/live');
  await page.getByTestId('start-camera').click();

  const state = page.getByTestId('person-state');
  await expect(state).toHaveAttribute('data-state', 'full');
  await expect(state).toContainText('Hips, knees and ankles found');
  await expect(page.getByTestId('backend-name')).toHaveText('wasm');

  const overlay = page.getByTestId('overlay');
  await expect.poll(async () => Number(await overlay.getAttribute('data-joints'))).toBeGreaterThanOrEqual(17);
  // The legs are really drawn: count pixels in the left-leg (#ffb020) and right-leg (#22d3ee) colours.
  const legPixels = await overlay.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let left = 0;
    let right = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3]! < 200) continue;
      if (d[i]! > 230 && Math.abs(d[i + 1]! - 176) < 20 && d[i + 2]! < 60) left++;
      if (d[i]! < 60 && d[i + 1]! > 190 && d[i + 2]! > 220) right++;
    }
    return { left, right };
  });
  expect(legPixels.left).toBeGreaterThan(500);
  expect(legPixels.right).toBeGreaterThan(500);

  await expect(page.getByTestId('inference-ms')).not.toHaveText('–');
  await page.screenshot({ path: new URL('./out/live.png', import.meta.url).pathname });

  const origin = new URL(BASE_URL).origin;
  const offOrigin = requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
  expect(requests.length).toBeGreaterThan(5);
  expect(offOrigin).toEqual([]);
});

test('BlazePose (tfjs, 33 points + 3D) finds the whole body in the live camera stream', async ({ page }) => {
  await page.goto('/?backend=wasm&model=blazepose-lite&autostart=camera#/live');
  await expect(page.getByTestId('person-state')).toHaveAttribute('data-state', 'full');
  await expect
    .poll(async () => Number(await page.getByTestId('overlay').getAttribute('data-joints')))
    .toBe(33);
});

test('a still where BlazePose finds no one is read by MoveNet Thunder, and the stats bar says so', async ({
  page,
}) => {
  // The rig's squat frame with the head cut off (test-fixtures/fallback/README.md): BlazePose's face-anchored
  // detector finds no person; the fallback model (pose/fallback_estimator.ts) reads the legs, as the CLI does.
  await page.goto('/?backend=wasm&model=blazepose-full#/live');
  await page
    .getByTestId('image-input')
    .setInputFiles(
      new URL('../test-fixtures/fallback/squat-head-out-of-frame.png', import.meta.url).pathname,
    );
  await expect(page.getByTestId('fallback-model')).toContainText('MoveNet Thunder', { timeout: 60_000 });
  await expect(page.getByTestId('model-name')).toContainText('BlazePose full');
  await expect
    .poll(async () => Number(await page.getByTestId('overlay').getAttribute('data-joints')))
    .toBeGreaterThanOrEqual(12);
});
