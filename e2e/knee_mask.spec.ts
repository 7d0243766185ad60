import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, fakeCameraArgs } from '../scripts/chromium_flags.mjs';

// The supine test's second look in the built app (pose/knee_mask_estimator.ts, on for supine by TEST_KNEE_MASK):
// the fake camera shows one rig frame (test-fixtures/knee-mask/README.md) where MoveNet Thunder, on a first look,
// scores the right knee 0.24, under the 0.3 a joint is measured by, with an empty frame between (e2e/run.mjs).
// BlazePose full's person mask, loaded in the page on first need (wasm here), shows the shank along the
// keypoints' line, so the knee counts and the readout says it was hard to see.

const out = process.env.E2E_OUT ?? new URL('./out/', import.meta.url).pathname;
test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...fakeCameraArgs(`${out}knee-mask.y4m`)],
  },
});

test('supine: a knee the model scores too low is placed by the person mask, and the readout says so', async ({
  page,
}) => {
  await page.goto('/?backend=wasm&test=supine&autostart=test');
  const hud = page.getByTestId('hud');
  await expect(hud).toContainText('right hip');
  await expect(page.getByTestId('knee-by-mask')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('knee-by-mask')).toContainText('knee hard to see');
});
