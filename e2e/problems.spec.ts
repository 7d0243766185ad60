import { expect, test } from '@playwright/test';

const here = (p: string) => new URL(p, import.meta.url).pathname;

test('a denied camera shows what happened and the way forward', async ({ page }) => {
  // The fake camera always grants; make getUserMedia reject the way a browser does on "Block".
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  await page.goto('/#/live');
  await page.getByTestId('start-camera').click();
  const problem = page.getByTestId('problem');
  await expect(problem).toContainText('Camera permission was denied');
  await expect(problem).toContainText('allow the camera for this site');
  await expect(problem.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('no camera at all points to video and image files', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
  });
  await page.goto('/#/live');
  await page.getByTestId('start-camera').click();
  await expect(page.getByTestId('problem')).toContainText('No camera found');
  await expect(page.getByTestId('problem')).toContainText('video or image file');
});

test('an image file is analysed and its skeleton drawn', async ({ page }) => {
  await page.goto('/?backend=wasm&model=movenet-lightning#/live');
  await page.getByTestId('image-input').setInputFiles(here('../test-fixtures/e2e/lunge.jpg'));
  await expect(page.getByTestId('image-frame')).toBeVisible();
  await expect(page.getByTestId('person-state')).toHaveAttribute('data-state', 'full');
  await expect
    .poll(async () => Number(await page.getByTestId('overlay').getAttribute('data-joints')))
    .toBe(17);
});

test('a file that is not an image is refused with a clear message and nothing breaks', async ({ page }) => {
  await page.goto('/#/live');
  await page
    .getByTestId('image-input')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByTestId('problem')).toContainText('Can\'t open "notes.txt"');
  await expect(page.getByTestId('start-camera')).toHaveCount(0);
});

test('a camera that sees nobody: after a minute the guided test says why and offers a way on', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // A camera that works but shows an empty room: a grey canvas's stream.
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = async () => {
      const c = document.createElement('canvas');
      c.width = 640;
      c.height = 480;
      const ctx = c.getContext('2d')!;
      const paint = () => {
        ctx.fillStyle = '#6b6b70';
        ctx.fillRect(0, 0, c.width, c.height);
      };
      paint();
      setInterval(paint, 100);
      return c.captureStream(10);
    };
  });
  await page.goto('/?backend=wasm&test=seated&autostart=test');
  const choice = page.getByTestId('void-choice');
  await expect(choice).toBeVisible({ timeout: 150_000 });
  await expect(choice).toContainText('Nothing could be measured for 60 s');
  await expect(choice).toContainText('The camera could not read the right leg: nobody in view.');
  await expect(page.getByTestId('choice-retry')).toBeVisible();
  await expect(page.getByTestId('choice-skip')).toBeVisible();
  await expect(page.getByTestId('choice-accept')).toHaveCount(0);
  // Skip: on to the next step, the reason kept for the result.
  await page.getByTestId('choice-skip').click();
  await expect(choice).toHaveCount(0);
  await expect(page.getByTestId('phase')).toHaveAttribute('data-phase', 'neutral');
});
