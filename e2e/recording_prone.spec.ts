import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { AnalysisJson } from '../src/lib/report/analysis_export';
import { expectValuesWithinBound, readTruth, videoFixture, waitForResults } from './recording_flow';

// The prone recording in the built app (MoveNet Thunder, the frame turned 180°, two pose workers): the untested leg
// lies flat while the other is tested, and the model reads it as noise. Each trial must count from the start position
// just before it (protocols/hip_segments.ts) and keep its leg (leg_attribution.ts): the app's own poses once lost two
// left internal trials to the flat leg's reading jumping 30°, which the CLI's poses of the same clip did not show.
test('a prone recording: every trial the clip holds is found, none voided, each direction within the bound', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const truth = readTruth('prone');
  await page.goto('/?backend=wasm#/hip');
  await page.getByTestId('pick-prone').click();
  await page.getByTestId('recording-input').setInputFiles(videoFixture('prone.mp4'));
  await waitForResults(page);
  const shown = await expectValuesWithinBound(page, truth);
  console.log(`prone.mp4 in the app: ${shown.join(', ')}`);

  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const json = JSON.parse(readFileSync((await d.path())!, 'utf8')) as AnalysisJson;
  for (const side of ['left', 'right'] as const)
    for (const dir of ['internal', 'external'] as const) {
      const found = json.sides.find((s) => s.side === side)?.directions?.find((x) => x.direction === dir);
      const inClip = truth.trials.filter((t) => t.side === side && t.direction === dir);
      expect(
        found?.trials.map((t) => t.valid),
        `${side} ${dir}`,
      ).toEqual(inClip.map(() => true));
    }
});
