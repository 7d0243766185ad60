// "Hold still": the longest recent run of samples whose angle stays within the stillness limits.
// Pure; samples arrive in time order.
import type { Vec2 } from '../geometry/vec2';

export interface AngleSample {
  readonly tMs: number;
  readonly deg: number;
  readonly confidence: number;
}

export interface StillRun {
  /** Time from the run's first to its last sample. */
  readonly durationMs: number;
  readonly meanDeg: number;
  readonly sdDeg: number;
  readonly meanConfidence: number;
  readonly count: number;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Per-coordinate median; undefined when any frame lacks the point (hand-made frames in tests). */
export function medianPoint(ps: readonly (Vec2 | undefined)[]): Vec2 | undefined {
  const all = ps.filter((p): p is Vec2 => p !== undefined);
  if (all.length !== ps.length || all.length === 0) return undefined;
  return { x: median(all.map((p) => p.x)), y: median(all.map((p) => p.y)) };
}

/** Population standard deviation (the spread a still window is judged by). */
export const sdOf = (xs: readonly number[]): number => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, d) => a + (d - mean) ** 2, 0) / xs.length);
};

/**
 * The longest suffix of `samples` that is still: standard deviation ≤ sdDeg and no sample farther than
 * maxDevDeg from the suffix's median. Null when not even the last two samples are still.
 */
export function stillSuffix(
  samples: readonly AngleSample[],
  limits: { sdDeg: number; maxDevDeg: number },
): StillRun | null {
  let best: StillRun | null = null;
  // Grow the suffix backwards; stop at the first sample that breaks stillness (a run must be contiguous).
  for (let start = samples.length - 2; start >= 0; start--) {
    const run = samples.slice(start);
    const degs = run.map((s) => s.deg);
    const mean = degs.reduce((a, b) => a + b, 0) / degs.length;
    const sd = sdOf(degs);
    const med = median(degs);
    if (sd > limits.sdDeg || degs.some((d) => Math.abs(d - med) > limits.maxDevDeg)) break;
    best = {
      durationMs: run[run.length - 1]!.tMs - run[0]!.tMs,
      meanDeg: mean,
      sdDeg: sd,
      meanConfidence: run.reduce((a, s) => a + s.confidence, 0) / run.length,
      count: run.length,
    };
  }
  return best;
}
