import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  canvasStats,
  expectValuesWithinBound,
  readTruth,
  videoFixture,
  waitForResults,
} from './recording_flow';

// Recorded video in the built app, as a new user would do it: pick the test, "Analyse a recording", choose
// the clip (or drop it on the page). The rig's recordings hold both legs in orders the live prompts never
// use (left first, external before internal, an aborted trial, a pause); their truth JSON says what the
// values should be. One full analysis per clip.

test('a seated recording (MP4): both legs within the bound, trials found, chart, scrubbing, exports', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const truth = readTruth('seated');
  await page.goto('/?backend=wasm#/hip');
  await page.getByTestId('pick-seated').click();
  await page.getByTestId('recording-input').setInputFiles(videoFixture('seated.mp4'));

  // Progress with frames/s and time left while it runs.
  await expect(page).toHaveURL(/#\/recording/);
  await expect(page.getByTestId('progress-rate')).toContainText('frames/s', { timeout: 120_000 });
  await expect(page.getByTestId('progress-left')).toBeVisible();

  await waitForResults(page);
  const shown = await expectValuesWithinBound(page, truth);
  console.log(`seated.mp4: ${shown.join(', ')}`);

  // Both legs charted (uPlot draws a canvas), and measured.
  for (const side of ['left', 'right']) {
    const chart = page.getByTestId(`chart-${side}`);
    await expect(chart.locator('canvas').first()).toBeVisible();
    expect(Number(await chart.getAttribute('data-measured'))).toBeGreaterThan(100);
  }

  // Scrubbing: a click on the right leg's chart shows that frame, with the skeleton drawn on it.
  const frame = page.getByTestId('scrub-frame');
  await expect(frame).toHaveAttribute('data-t-ms', /\d/, { timeout: 30_000 });
  const before = await frame.getAttribute('data-t-ms');
  const plot = page.getByTestId('chart-right').locator('.u-over');
  const box = (await plot.boundingBox())!;
  await plot.click({ position: { x: box.width * 0.8, y: box.height / 2 } });
  await expect(frame).not.toHaveAttribute('data-t-ms', before!);
  const shownMs = Number(await frame.getAttribute('data-t-ms'));
  // 80 % across the plot is about 80 % into the clip (the x axis spans the analysed frames).
  expect(shownMs / truth.durationMs).toBeGreaterThan(0.7);
  expect(shownMs / truth.durationMs).toBeLessThan(0.9);
  expect(Number(await frame.getAttribute('data-joints'))).toBeGreaterThan(10);
  const px = await canvasStats(page, 'scrub-frame');
  expect(px.spread, 'the frame is a picture, not a blank canvas').toBeGreaterThan(10);
  expect(px.left, 'left leg drawn in amber').toBeGreaterThan(50);
  expect(px.right, 'right leg drawn in cyan').toBeGreaterThan(50);

  // The peak frames as thumbnails, one per trial found.
  await expect(page.getByTestId('peak-thumb').first()).toBeVisible();

  // Exports: downloaded, parsed.
  const download = async (kind: string) => {
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(`export-${kind}`).click(),
    ]);
    return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
  };
  const frames = await download('frames');
  expect(frames.name).toBe('seated.goniocam-frames.csv');
  const frameLines = frames.text.trim().split(/\r?\n/);
  expect(frameLines[0]).toMatch(/^t_ms,nose_x,nose_y,nose_score,/);
  expect(frameLines.length).toBeGreaterThan(600);
  const trials = await download('trials');
  const trialLines = trials.text.trim().split(/\r?\n/);
  expect(trialLines[0]).toMatch(/^side,direction,attempt,start_ms,peak_ms,end_ms,value_deg/);
  const json = JSON.parse((await download('json')).text) as {
    format: string;
    test: string;
    sides: {
      side: string;
      directions: { direction: string; resultDeg: number | null; trials: unknown[] }[];
    }[];
  };
  expect(json.format).toBe('goniocam-analysis/1');
  expect(json.test).toBe('seated');

  // Trials found: every side and direction of the truth has its three counted trials in the export.
  for (const side of ['left', 'right'] as const) {
    for (const dir of ['internal', 'external'] as const) {
      const counted = truth.trials.filter((t) => t.side === side && t.direction === dir && t.counted).length;
      const d = json.sides.find((s) => s.side === side)?.directions.find((x) => x.direction === dir);
      expect(d?.resultDeg, `${side} ${dir} in the JSON`).not.toBeNull();
      const rows = trialLines.filter((l) => l.startsWith(`${side},${dir},`) && /,true,/.test(l));
      expect(rows.length, `${side} ${dir} valid trials found`).toBeGreaterThanOrEqual(counted);
      // The JSON says the same as the screen.
      const screen = await page
        .getByTestId(`${dir === 'internal' ? 'ir' : 'er'}-${side}`)
        .getAttribute('data-value');
      expect(d?.resultDeg).toBe(Number(screen));
    }
  }

  // Cancel keeps the last result: start another file, cancel it, and the seated result is one click away.
  await page.getByTestId('analyse-another').click();
  await page.getByTestId('recording-input').setInputFiles(videoFixture('seated.webm'));
  await page.getByTestId('cancel-analysis').click();
  await expect(page.getByTestId('recording-cancelled')).toBeVisible();
  await expect(page.getByTestId('recording-chooser')).toBeVisible();
  await page.getByTestId('show-last-result').click();
  await expect(page.getByTestId('recording-facts')).toBeVisible();
  await expect(page.getByTestId('recording-results')).toHaveAttribute('data-test', 'seated');

  await page.screenshot({ path: 'e2e/out/recording-results.png', fullPage: true });
});

test('a seated recording (WebM) dropped on the page is analysed as the test chosen in the picker', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const truth = readTruth('seated');
  await page.goto('/?backend=wasm#/hip');
  await page.getByTestId('pick-seated').click();
  // A real drop: a DataTransfer holding the file, dispatched on the page like a drag from the desktop.
  const bytes = readFileSync(videoFixture('seated.webm')).toString('base64');
  await page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([data], 'seated.webm', { type: 'video/webm' }));
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    document.body.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }),
    );
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bytes);
  await waitForResults(page);
  await expect(page.getByTestId('recording-facts')).toContainText('analysed in');
  console.log(`seated.webm: ${(await expectValuesWithinBound(page, truth)).join(', ')}`);
});
