// Every still stretch of a whole angle series at once: what a recording has instead of the live test's
// "hold still" prompt. The same stillness rule as live (stillness.ts: sd and largest deviation from the
// median), applied to windows anywhere in the series rather than to the newest suffix. Pure.
import type { AngleSample } from './stillness';

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
  const ends = longestFrom(samples, limits);
  const taken: StillWindow[] = [];
  const order = ends
    .map((end, i) => ({ i, end, ms: samples[end]!.tMs - samples[i]!.tMs }))
    .filter((c) => c.end > c.i)
    .sort((a, b) => b.ms - a.ms || b.end - b.i - (a.end - a.i) || a.i - b.i);
  // Which samples are already in a window: a candidate overlaps one iff either of its ends is inside it
  // or it contains a whole window, and windows never overlap, so checking its two ends and the windows'
  // starts between them is enough. A flag per sample keeps this linear.
  const used = new Uint8Array(n);
  for (const c of order) {
    let free = true;
    for (let k = c.i; k <= c.end && free; k++) free = used[k] === 0;
    if (!free) continue;
    used.fill(1, c.i, c.end + 1);
    taken.push(windowOf(samples, c.i, c.end));
  }
  return taken.sort((a, b) => a.startIdx - b.startIdx);
}

/**
 * For each start, the last index of the longest still window from there. The window from i reaches at
 * least about as far as the one from i − 1 (one sample fewer), so one sorted window slides along: each
 * sample goes in and out of it once, plus a few re-checks where dropping a sample moved the median.
 */
function longestFrom(samples: readonly AngleSample[], limits: StillLimits): number[] {
  const n = samples.length;
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) {
    const d = samples[k]!.deg;
    s1[k + 1] = s1[k]! + d;
    s2[k + 1] = s2[k]! + d * d;
  }
  const sorted: number[] = [];
  const still = (i: number, j: number): boolean => {
    const count = j - i + 1;
    const mean = (s1[j + 1]! - s1[i]!) / count;
    const sd = Math.sqrt(Math.max(0, (s2[j + 1]! - s2[i]!) / count - mean * mean));
    if (sd > limits.sdDeg) return false;
    const h = sorted.length >> 1;
    const m = sorted.length % 2 ? sorted[h]! : (sorted[h - 1]! + sorted[h]!) / 2;
    return Math.max(m - sorted[0]!, sorted[sorted.length - 1]! - m) <= limits.maxDevDeg;
  };
  const ends: number[] = [];
  let end = -1;
  for (let i = 0; i < n; i++) {
    if (end < i) {
      end = i;
      insert(sorted, samples[i]!.deg);
    }
    while (end > i && !still(i, end)) remove(sorted, samples[end--]!.deg);
    while (end + 1 < n && samples[end + 1]!.tMs - samples[end]!.tMs <= limits.maxGapMs) {
      insert(sorted, samples[end + 1]!.deg);
      if (still(i, end + 1)) {
        end++;
        continue;
      }
      remove(sorted, samples[end + 1]!.deg);
      break;
    }
    ends.push(end);
    remove(sorted, samples[i]!.deg);
  }
  return ends;
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insert(sorted: number[], x: number): void {
  sorted.splice(lowerBound(sorted, x), 0, x);
}

function remove(sorted: number[], x: number): void {
  sorted.splice(lowerBound(sorted, x), 1);
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
