import { expect, test } from '@playwright/test';
import { COMPENSATION_COVERAGE } from '../src/lib/feedback/compensation_coverage';
import { MEASUREMENT_ERROR_DEG } from '../src/lib/feedback/thresholds';
import { readFileSync, writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS, CHROMIUM_PATH, fakeCameraArgs } from '../scripts/chromium_flags.mjs';

// A full guided test, hands-free, in the built app: Chromium's fake camera plays a clip the render rig made of a
// body doing the test at known angles (test-fixtures/synth/clips/<test>), looping as a real person would keep
// going. Nothing is clicked: ?autostart=test starts the test, the protocol reads the frames, the results appear.

// E2E_OUT: a run's own clips and results folder, so two e2e runs can share a machine.
const out = process.env.E2E_OUT ?? new URL('./out/', import.meta.url).pathname;
// Each test's P95 reading error (MEASUREMENT_ERROR_DEG in src/lib/feedback/thresholds.ts; prone from behind the
// head is a rough guide only).
/** Each test's stated bound: the P95 error the app itself quotes (feedback/thresholds.ts, from `npm run accuracy`). */
const BOUND_DEG = {
  seated: MEASUREMENT_ERROR_DEG.seated.p95Deg!,
  supine: MEASUREMENT_ERROR_DEG.supine.p95Deg!,
  prone: MEASUREMENT_ERROR_DEG.prone.p95Deg!,
} as const;

export type GuidedClip = keyof typeof BOUND_DEG;

interface ClipTruth {
  truth: { trials: { side: string; direction: string; peakDeg: number }[] };
}

/**
 * Another clip than the committed one (guided_body.spec.ts: a rig body's clip rendered on demand, which
 * e2e/run.mjs writes as a y4m for guidedLaunch): its clip.json, the bound each direction must be within, and
 * whether any voided trial fails the test (the body clips' knee never moves, so every void there is a false
 * one). The four results and every trial are written to `${E2E_OUT}guided-<tag>-result.json`.
 */
export interface GuidedClipOptions {
  readonly clipJson: string;
  readonly boundDeg: number;
  readonly noVoids: boolean;
  readonly tag: string;
}

/** The fake camera playing the rig's clip of `name` (each spec file uses its own browser). */
export function guidedLaunch(name: GuidedClip, y4m = `${name}-clip.y4m`) {
  return {
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, ...fakeCameraArgs(`${out}${y4m}`)],
    },
  };
}

export function guidedTest(name: GuidedClip, other?: GuidedClipOptions): void {
  const bound = other?.boundDeg ?? BOUND_DEG[name];
  const tag = other?.tag ?? name;
  test(`a full ${name} test${other ? ` on ${tag}` : ''} completes hands-free and reports each side within ${other ? `${bound}°` : 'the accuracy bound'}`, async ({
    page,
  }) => {
    // A body clip may void and repeat trials (each repeat waits for the clip to come round again): more time.
    test.setTimeout(other ? 660_000 : 360_000);
    const clip = JSON.parse(
      readFileSync(
        other?.clipJson ?? new URL(`../test-fixtures/synth/clips/${name}/clip.json`, import.meta.url),
        'utf8',
      ),
    ) as ClipTruth;
    const spoken: string[] = [];
    await page.exposeFunction('__spoken', (t: string) => spoken.push(t));
    await page.addInitScript(() => {
      // Record what the app asks the speech engine to say (headless Chromium has no voices to hear).
      const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        (window as unknown as { __spoken: (t: string) => void }).__spoken(u.text);
        speak(u);
      };
    });
    await page.goto(`/?backend=wasm&test=${name}&autostart=test`);

    // The live readout shows a number with its confidence while the test runs.
    await expect(page.getByTestId('live-angle')).toHaveText(/^-?\d+°$/, { timeout: 90_000 });
    await expect(page.getByTestId('live-confidence')).toContainText('confidence');
    await expect(page.getByTestId('prompt')).toBeVisible();
    await page.screenshot({ path: `${out}guided-${tag}-live.png` });

    const results = page.getByTestId('hip-results');
    if (other) {
      // Still running when time is up: write down where each direction got to (the trial panel's chips, voids with
      // their reasons) before failing, so the run says why.
      const finished = await results.waitFor({ state: 'visible', timeout: 630_000 }).then(
        () => true,
        () => false,
      );
      if (!finished) {
        const chips = await page
          .getByTestId('attempt-chip')
          .evaluateAll((els) =>
            els.map(
              (e) =>
                `${e.closest('li')?.querySelector('.label')?.textContent?.trim()}: ${e.textContent} (${e.getAttribute('title')})`,
            ),
          );
        writeFileSync(
          `${out}guided-${tag}-result.json`,
          JSON.stringify({ tag, finished, chips }, null, 1) + '\n',
        );
        console.log(`${tag}: not finished; ${chips.join(' | ')}`);
      }
    }
    await expect(results).toBeVisible({ timeout: other ? 1_000 : 330_000 });
    await page.screenshot({ path: `${out}guided-${tag}-results.png`, fullPage: true });
    // What this view cannot see is said beside the results, each with what to watch for instead.
    const coverage = results.getByTestId('compensation-coverage');
    for (const c of COMPENSATION_COVERAGE[name]) {
      const item = coverage.locator(`li[data-level="${c.level}"]`, { hasText: c.what });
      await expect(item).toHaveCount(1);
      if (c.watch) await expect(item).toContainText(c.watch);
    }

    const directions = name === 'supine' ? ['internal'] : ['internal', 'external'];
    // Every trial as the results list it (value, or "voided" with the compensations' messages).
    const trials: Record<string, { text: string; voided: boolean }[]> = {};
    for (const side of ['right', 'left'])
      trials[side] = await page
        .getByTestId(`result-${side}`)
        .locator('ul.trials li')
        .evaluateAll((lis) =>
          lis.map((li) => ({
            text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
            voided: li.classList.contains('void'),
          })),
        );
    const record: { side: string; direction: string; valueDeg: number; truthDeg: number }[] = [];
    const shown: string[] = [];
    for (const side of ['right', 'left']) {
      for (const direction of directions) {
        const peaks = clip.truth.trials
          .filter((t) => t.side === side && t.direction === direction)
          .map((t) => Math.abs(t.peakDeg));
        const truth = peaks.reduce((a, b) => a + b, 0) / peaks.length;
        const cell = page.getByTestId(`${direction === 'internal' ? 'ir' : 'er'}-${side}`);
        // No value (every trial voided or skipped) is an empty attribute: NaN, not 0 (null in the JSON).
        const value = Number((await cell.getAttribute('data-value')) || NaN);
        shown.push(`${side} ${direction} ${value}° (truth ${truth.toFixed(1)}°)`);
        record.push({ side, direction, valueDeg: value, truthDeg: truth });
      }
    }
    const voids = Object.entries(trials).flatMap(([side, ts]) =>
      ts.filter((t) => t.voided).map((t) => `${side}: ${t.text}`),
    );
    writeFileSync(
      `${out}guided-${tag}-result.json`,
      JSON.stringify({ tag, finished: true, boundDeg: bound, results: record, trials, voids }, null, 1) +
        '\n',
    );
    console.log(
      `${tag}, shown: ${shown.join('; ')}; bound ${bound}°; voided: ${voids.length ? voids.join(' | ') : 'none'}`,
    );
    for (const r of record) {
      expect(Number.isFinite(r.valueDeg) && r.valueDeg > 0, `${r.side} ${r.direction} has a value`).toBe(
        true,
      );
      expect(
        Math.abs(r.valueDeg - r.truthDeg),
        `${r.side} ${r.direction}: ${r.valueDeg}° vs truth ${r.truthDeg}°`,
      ).toBeLessThanOrEqual(bound);
    }
    if (other?.noVoids) expect(voids, 'no trial voided: the rig’s knee never moves').toEqual([]);
    // The left hip's internal rotation (≈ 27°) is under the 35° functional minimum: flagged, with its evidence.
    const flag = page.locator('[data-testid="finding"][data-level="flag"]', { hasText: 'Left hip' }).first();
    await expect(flag).toContainText('35°');
    await expect(flag.locator('table')).toContainText('clinical brief');
    // Every phase was spoken: hold still, the movement, hold, done, the other leg, finished.
    const said = spoken.join(' | ');
    for (const words of [
      'Hold still',
      'as far as is comfortable',
      'Hold',
      'Done, 1 of 3',
      'Now the left leg',
      'All done',
    ])
      expect(said).toContain(words);
  });
}
