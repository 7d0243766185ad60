import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, CHROMIUM_PATH, fakeCameraArgs } from '../scripts/chromium_flags.mjs';

// One hip CARs drill in the built app with the fake camera (e2e/run.mjs writes drill-cars-clip.y4m).
const out = process.env.E2E_OUT ?? new URL('./out/', import.meta.url).pathname;
const camera = (y4m: string) => ({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...fakeCameraArgs(`${out}${y4m}`)],
  },
});

// Hip CARs on the rig's CAR clip (npm run fixtures:car-clip): standing 2 s, the right knee round a 35° cone
// (4 s), standing 1.5 s, again, standing 1.5 s; looping. Truth: the true joints' knee path.
test.use(camera('drill-cars-clip.y4m'));
test('hip CARs find the rig’s circles, measure them within the replay’s bound, and save them', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const clip = JSON.parse(
    readFileSync(new URL('../test-fixtures/synth/clips/cars/clip.json', import.meta.url), 'utf8'),
  ) as { truth: { loops: { radiusThighs: number; roundness: number }[] } };
  const truth = clip.truth.loops[0]!;
  await page.goto('/?backend=wasm#/drills');
  await page.getByTestId('drill-pick-hip-cars').click();
  await expect(page.getByTestId('drill-placement-hip-cars')).toContainText('hip height');
  await page.getByTestId('drill-start').click();
  await expect(page.getByTestId('drill-hud')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('drill-count')).toHaveText('4', { timeout: 150_000 });
  await page.screenshot({ path: `${out}drill-cars-live.png` });
  await page.getByTestId('drill-finish').click();
  const done = page.getByTestId('drill-done');
  await expect(done).toBeVisible();
  await expect(page.getByTestId('drill-saved')).toBeVisible();
  const sizes = (await done.locator('tbody tr td:nth-child(2)').allTextContents()).map(Number);
  const round = (await done.locator('tbody tr td:nth-child(3)').allTextContents()).map(
    (t) => parseFloat(t) / 100,
  );
  console.log(
    `hip CARs: radius ${sizes.join(', ')} (truth ${truth.radiusThighs}), roundness ${round.join(', ')} (truth ${truth.roundness})`,
  );
  expect(sizes.length).toBe(4);
  // The replay's stated bound (drill_rig_replay.test.ts): within 35 % (it reads small), roundness within 0.15, on
  // the largest circle (the brief's goal; in the browser a circle is sometimes split in two, see notes).
  const best = sizes.indexOf(Math.max(...sizes));
  expect(Math.abs(sizes[best]! - truth.radiusThighs) / truth.radiusThighs).toBeLessThanOrEqual(0.35);
  expect(Math.abs(round[best]! - truth.roundness)).toBeLessThanOrEqual(0.15);
  await page.screenshot({ path: `${out}drill-cars-done.png`, fullPage: true });
});
