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
