import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { MEASUREMENT_ERROR_DEG } from '../src/lib/feedback/thresholds';

// Shared steps of the recorded-video specs: the rig's whole-test recordings (test-fixtures/video, with a
// goniocam-recording-truth/1 JSON beside them) loaded into the built app as a person would load them.

export const videoFixture = (name: string) =>
  new URL(`../test-fixtures/video/${name}`, import.meta.url).pathname;

type HipClipTest = 'seated' | 'supine' | 'prone';

export interface RecordingTruth {
  readonly test: HipClipTest;
  readonly durationMs: number;
  readonly expected: Partial<Record<'left' | 'right', Partial<Record<'internal' | 'external', number>>>>;
  readonly trials: readonly { side: string; direction: string; counted: boolean }[];
}

export function readTruth(name: string): RecordingTruth {
  return JSON.parse(readFileSync(videoFixture(`${name}.json`), 'utf8')) as RecordingTruth;
}

/** The test's stated bound: the P95 error the app itself quotes (feedback/thresholds.ts). */
export const boundDeg = (test: HipClipTest): number => MEASUREMENT_ERROR_DEG[test].p95Deg!;

/**
 * Side/direction pairs a recording is known to miss by more than the bound, in the app and the CLI alike
 * (src/cli/analyze_recordings.test.ts, docs/video-analysis.md), checked as still missed so an entry goes when a fix
 * lands. None now: seated left external rotation read 23.5–24.8° for 38° until a trial pinned the knee where its
 * neutral had it and took the turn from that neutral (protocols/hip_trial_reading.ts, 2026-12-03).
 */
export const KNOWN_MISSES: Readonly<Partial<Record<HipClipTest, readonly string[]>>> = {};
export const knownMiss = (test: HipClipTest, side: string, dir: string): boolean =>
  KNOWN_MISSES[test]?.includes(`${side} ${dir}`) ?? false;

/** Wait for a recording's results (the whole analysis runs in the page's workers). */
export async function waitForResults(page: Page): Promise<void> {
  await expect(page.getByTestId('recording-results')).toBeVisible({ timeout: 300_000 });
  await expect(page.getByTestId('hip-results').or(page.getByTestId('squat-results'))).toBeVisible();
}

/** Each side and direction the truth states is shown within the bound; returns what was shown. */
export async function expectValuesWithinBound(page: Page, truth: RecordingTruth): Promise<string[]> {
  const shown: string[] = [];
  for (const side of ['left', 'right'] as const) {
    for (const dir of ['internal', 'external'] as const) {
      const want = truth.expected[side]?.[dir];
      if (want === undefined) continue;
      const raw = await page
        .getByTestId(`${dir === 'internal' ? 'ir' : 'er'}-${side}`)
        .getAttribute('data-value');
      const got = Number(raw);
      if (knownMiss(truth.test, side, dir)) {
        shown.push(`${side} ${dir} ${raw || '–'}° (truth ${want}°; a known miss)`);
        if (raw !== '')
          expect(Math.abs(got - want), `${side} ${dir} still missed`).toBeGreaterThan(boundDeg(truth.test));
        continue;
      }
      shown.push(`${side} ${dir} ${raw}° (truth ${want}°)`);
      expect(raw, `${side} ${dir} has a value`).not.toBe('');
      expect(Math.abs(got - want), `${side} ${dir}: ${got}° vs truth ${want}°`).toBeLessThanOrEqual(
        boundDeg(truth.test),
      );
    }
  }
  return shown;
}

/** What a canvas shows: how varied its pixels are, and how many are in each leg's skeleton colour. */
export async function canvasStats(page: Page, testId: string) {
  return page.getByTestId(testId).evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx || c.width === 0) return { width: 0, spread: 0, left: 0, right: 0 };
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    let sum2 = 0;
    let left = 0;
    let right = 0;
    const near = (i: number, r: number, g: number, b: number) =>
      Math.abs(d[i]! - r) + Math.abs(d[i + 1]! - g) + Math.abs(d[i + 2]! - b) < 40;
    for (let i = 0; i < d.length; i += 4) {
      const y = (d[i]! + d[i + 1]! + d[i + 2]!) / 3;
      sum += y;
      sum2 += y * y;
      if (near(i, 0xff, 0xb0, 0x20)) left++; // overlay.ts LEFT_LEG
      if (near(i, 0x22, 0xd3, 0xee)) right++; // overlay.ts RIGHT_LEG
    }
    const n = d.length / 4;
    return { width: c.width, spread: Math.sqrt(Math.max(0, sum2 / n - (sum / n) ** 2)), left, right };
  });
}
