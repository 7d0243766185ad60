import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { FPPA, MEASUREMENT_ERROR_DEG } from '../src/lib/feedback/thresholds';
import { fppaColor } from '../src/ui/squat/valgus_overlay';
import { CHROMIUM_ARGS, CHROMIUM_PATH, fakeCameraArgs } from '../scripts/chromium_flags.mjs';

// The squat screen, hands-free, in the built app: Chromium's fake camera plays the rig's squat clip
// (test-fixtures/synth/clips/squat: standing 2.5 s, then 5 double-leg squats, the left knee more valgus than the
// right; e2e/run.mjs writes it as e2e/out/squat-clip.y4m), looping as a real person would keep going. Nothing is
// clicked: ?autostart=test starts the squat screen, the protocol counts 5 reps and ends by itself.

// E2E_OUT: a run's own clips and results folder, so two e2e runs can share a machine.
const out = process.env.E2E_OUT ?? new URL('./out/', import.meta.url).pathname;
const BOUND_DEG = MEASUREMENT_ERROR_DEG.squat.p95Deg!;

interface SquatClip {
  truth: { meanFppaDeg: Record<'left' | 'right', number> };
}

test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...fakeCameraArgs(`${out}squat-clip.y4m`)],
  },
});

/** The valgus overlay's three colours (valgus_overlay.ts), as RGB. */
const COLOURS = {
  green: fppaColor(0),
  amber: fppaColor((FPPA.singleLegSquatHealthyMeanDeg.value + FPPA.valgusFlagDeg.value) / 2),
  red: fppaColor(FPPA.valgusFlagDeg.value + 5),
} as const;
type Colour = keyof typeof COLOURS;
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/**
 * Pixels of the overlay canvas in each FPPA colour (±8 per channel, so the legs' own skeleton colours, amber
 * #ffb020 and cyan #22d3ee, do not count), with their mean x.
 */
async function overlayColours(page: Page): Promise<Record<Colour, { n: number; meanX: number }>> {
  const targets = Object.fromEntries(Object.entries(COLOURS).map(([k, hex]) => [k, rgb(hex)]));
  return page.getByTestId('overlay').evaluate((el, targets) => {
    const c = el as HTMLCanvasElement;
    const found: Record<string, { n: number; meanX: number }> = {};
    for (const k of Object.keys(targets)) found[k] = { n: 0, meanX: 0 };
    if (!c.width || !c.height) return found;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! < 32) continue;
      for (const [k, [r, g, b]] of Object.entries(targets) as [string, number[]][]) {
        if (
          Math.abs(data[i]! - r!) <= 8 &&
          Math.abs(data[i + 1]! - g!) <= 8 &&
          Math.abs(data[i + 2]! - b!) <= 8
        ) {
          const f = found[k]!;
          f.meanX += (((i / 4) % c.width) - f.meanX) / ++f.n;
        }
      }
    }
    return found;
  }, targets) as Promise<Record<Colour, { n: number; meanX: number }>>;
}

test('the squat screen counts 5 reps hands-free and reports each knee’s FPPA within the accuracy bound', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const clip = JSON.parse(
    readFileSync(new URL('../test-fixtures/synth/clips/squat/clip.json', import.meta.url), 'utf8'),
  ) as SquatClip;
  const t0 = Date.now();
  await page.goto('/?backend=wasm&autostart=test#/squat');

  // Setup (standing still for the baseline), then the reps.
  await expect(page.getByTestId('squat-phase')).toHaveAttribute('data-phase', 'reps', { timeout: 60_000 });
  const repsAtS = (Date.now() - t0) / 1000;

  // While squatting: the hip–knee–ankle lines are drawn in the FPPA colours. Sample the overlay until the
  // results appear. The screenshot shows the most valgus seen: red (only at the bottoms) over amber.
  const results = page.getByTestId('squat-results');
  const seen: Record<Colour, number> = { green: 0, amber: 0, red: 0 };
  const repCounts = new Set<string>();
  let best: { valgus: number; valgusX: number; greenX: number } | null = null;
  let shotScore = 0;
  while (!(await results.isVisible())) {
    if (Date.now() - t0 > 130_000) break;
    const count = await page
      .getByTestId('rep-count')
      .textContent({ timeout: 1000 })
      .catch(() => null);
    if (count) repCounts.add(count.trim());
    const c = await overlayColours(page).catch(() => null);
    if (c) {
      for (const k of Object.keys(seen) as Colour[]) seen[k] += c[k].n;
      const valgus = c.amber.n + c.red.n;
      if (valgus > 0 && c.green.n > 0 && (!best || valgus > best.valgus)) {
        const valgusX = (c.amber.meanX * c.amber.n + c.red.meanX * c.red.n) / valgus;
        best = { valgus, valgusX, greenX: c.green.meanX };
      }
      const score = c.red.n > 0 ? 1e6 + c.red.n : c.amber.n;
      if (score > shotScore) {
        shotScore = score;
        await page.screenshot({ path: `${out}squat-live.png` });
      }
    }
    await page.waitForTimeout(200);
  }
  await expect(results).toBeVisible({ timeout: 5_000 });
  const doneS = (Date.now() - t0) / 1000;
  await page.screenshot({ path: `${out}squat-results.png`, fullPage: true });

  // The rep count shown: the HUD counted up to 5, the results say 5 and list 5 reps.
  expect([...repCounts]).toContain('4');
  await expect(results).toContainText('5 reps counted');
  await expect(results.getByTestId('rep-table').locator('tbody tr')).toHaveCount(5);

  // Each knee's FPPA as shown, against the clip's truth (mean of the 5 reps' bottoms).
  const report: string[] = [];
  for (const side of ['left', 'right'] as const) {
    const cell = page.getByTestId(`squat-${side}-fppa`);
    const shown = await cell.getAttribute('data-value');
    await expect(cell).toContainText(`${shown}°`);
    const value = Number(shown);
    const truth = clip.truth.meanFppaDeg[side];
    report.push(`${side} ${value}° vs truth ${truth}° (${(value - truth).toFixed(1)}°)`);
    expect(Number.isFinite(value), `${side} FPPA shown`).toBe(true);
    expect(Math.abs(value - truth), `${side}: ${value}° vs truth ${truth}°`).toBeLessThanOrEqual(BOUND_DEG);
  }

  // The valgus overlay was drawn: green (within the healthy range) and, at the bottoms, amber or red on the
  // person's left knee (image right: the camera faces them), while the right leg stayed green.
  expect(seen.green, 'green FPPA lines drawn').toBeGreaterThan(0);
  expect(seen.amber + seen.red, 'amber or red FPPA lines drawn').toBeGreaterThan(0);
  expect(best, 'a frame with both a valgus-coloured and a green leg').not.toBeNull();
  expect(best!.valgusX).toBeGreaterThan(best!.greenX);
  console.log(
    `squat e2e: reps phase at ${repsAtS.toFixed(0)} s, results at ${doneS.toFixed(0)} s; ${report.join(', ')}; ` +
      `bound ${BOUND_DEG}°; overlay pixels seen green ${seen.green}, amber ${seen.amber}, red ${seen.red}`,
  );
});
