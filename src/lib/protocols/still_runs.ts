// Every still stretch of a whole angle series at once: what a recording has instead of the live test's
// "hold still" prompt. The same stillness rule as live (stillness.ts: sd and largest deviation from the
// median), applied to windows anywhere in the series rather than to the newest suffix. Pure.
import { median, type AngleSample } from './stillness';

/** One maximal still window of a series: samples startIdx..endIdx (inclusive). */
export interface StillWindow {
  readonly startIdx: number;
  readonly endIdx: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly durationMs: number;
  readonly meanDeg: number;
  readonly sdDeg: number;
  readonly meanConfidence: number;
  readonly count: number;
}

export interface StillLimits {
  readonly sdDeg: number;
  readonly maxDevDeg: number;
  /** A gap between samples longer than this ends a window (the leg was not seen meanwhile). */
  readonly maxGapMs: number;
}

/**
 * For every sample, the longest still window that starts there; then the longest of those first, skipping
 * any that overlap one already taken. So a plateau is one window even when the frame before it (the end of
 * a turn) would also start a short still pair. Windows do not overlap and come back in time order. Like the
 * live hold, a window may take in the last frame of a movement when it is within the limits.
 */
export function stillWindows(samples: readonly AngleSample[], limits: StillLimits): StillWindow[] {
  const n = samples.length;
  const ends: number[] = [];
  for (let i = 0; i < n; i++) {
    // The window from i reaches at least as far as the one from i − 1 did (one sample fewer), so start there.
    let end = Math.max(i, ends[i - 1] ?? i);
    if (end > i && !isStill(samples, i, end, limits)) end = i;
    while (end + 1 < n && samples[end + 1]!.tMs - samples[end]!.tMs <= limits.maxGapMs) {
      if (!isStill(samples, i, end + 1, limits)) break;
      end++;
    }
    ends.push(end);
  }
  const taken: StillWindow[] = [];
  const order = ends
    .map((end, i) => ({ i, end, ms: samples[end]!.tMs - samples[i]!.tMs }))
    .filter((c) => c.end > c.i)
    .sort((a, b) => b.ms - a.ms || b.end - b.i - (a.end - a.i) || a.i - b.i);
  for (const c of order)
    if (!taken.some((w) => c.i <= w.endIdx && c.end >= w.startIdx)) taken.push(windowOf(samples, c.i, c.end));
  return taken.sort((a, b) => a.startIdx - b.startIdx);
}

function isStill(samples: readonly AngleSample[], a: number, b: number, limits: StillLimits): boolean {
  const degs = samples.slice(a, b + 1).map((s) => s.deg);
  const mean = degs.reduce((x, y) => x + y, 0) / degs.length;
  const sd = Math.sqrt(degs.reduce((x, d) => x + (d - mean) ** 2, 0) / degs.length);
  if (sd > limits.sdDeg) return false;
  const med = median(degs);
  return degs.every((d) => Math.abs(d - med) <= limits.maxDevDeg);
}

function windowOf(samples: readonly AngleSample[], a: number, b: number): StillWindow {
  const run = samples.slice(a, b + 1);
  const degs = run.map((s) => s.deg);
  const mean = degs.reduce((x, y) => x + y, 0) / degs.length;
  return {
    startIdx: a,
    endIdx: b,
    startMs: run[0]!.tMs,
    endMs: run[run.length - 1]!.tMs,
    durationMs: run[run.length - 1]!.tMs - run[0]!.tMs,
    meanDeg: mean,
    sdDeg: Math.sqrt(degs.reduce((x, d) => x + (d - mean) ** 2, 0) / degs.length),
    meanConfidence: run.reduce((x, s) => x + s.confidence, 0) / run.length,
    count: run.length,
  };
}
