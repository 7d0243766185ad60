// Rep counting for the seated inward-rotation lift, from the rotation angle: a rep starts when the angle
// climbs past `upDeg` and is complete when it falls back below `downDeg` (two thresholds with a gap, so noise
// around one line never counts twice). A rep during which the leg could not be seen, the knee moved, or that
// was too quick is not counted, and says why. Each counted rep has its end-range angle (the peak of a
// 3-frame median, so one stray frame cannot make it) and how long it stayed near that peak. Pure.

export interface RepThresholds {
  readonly upDeg: number;
  readonly downDeg: number;
  /** "At end range" = within this of the rep's peak. */
  readonly holdBandDeg: number;
  /** Reps shorter than this (start to end) are not counted: a swing, not a controlled lift. */
  readonly minRepMs: number;
  /** Knee movement (fraction of the shank) that voids a rep. */
  readonly kneeMovedInvalid: number;
}

export type RepFrame =
  | { readonly ok: true; readonly deg: number; readonly confidence: number; readonly kneeMove: number | null }
  | { readonly ok: false; readonly reason: string };

interface Sample {
  readonly tMs: number;
  readonly deg: number;
  readonly confidence: number;
}

export interface LiftRep {
  readonly index: number;
  readonly startMs: number;
  readonly endMs: number;
  /** End-range rotation reached (internal +). */
  readonly peakDeg: number;
  readonly peakMs: number;
  /** Time spent within holdBandDeg of the peak (the longest such stretch). */
  readonly holdMs: number;
  readonly confidence: number;
  /** Largest knee movement seen (fraction of the shank), null when it could not be judged. */
  readonly kneeMove: number | null;
}

export type DiscardReason = 'leg-not-seen' | 'knee-moved' | 'too-fast';

export interface DiscardedRep {
  readonly startMs: number;
  readonly endMs: number;
  readonly why: DiscardReason;
  /** Plain words with the evidence (what hid the leg, how far the knee moved). */
  readonly detail: string;
}

interface OpenRep {
  readonly startMs: number;
  readonly samples: readonly Sample[];
  readonly lost: string | null;
  readonly kneeMove: number | null;
}

export interface RepCounterState {
  readonly open: OpenRep | null;
  readonly reps: readonly LiftRep[];
  readonly discarded: readonly DiscardedRep[];
}

export type RepEvent =
  | { readonly kind: 'started' }
  | { readonly kind: 'rep'; readonly rep: LiftRep }
  | { readonly kind: 'discarded'; readonly rep: DiscardedRep };

export const initRepCounter = (): RepCounterState => ({ open: null, reps: [], discarded: [] });

export function validateThresholds(t: RepThresholds): RepThresholds {
  if (!(t.downDeg < t.upDeg))
    throw new Error(`rep thresholds: downDeg ${t.downDeg} must be below upDeg ${t.upDeg}`);
  if (!(t.holdBandDeg > 0)) throw new Error(`rep thresholds: holdBandDeg ${t.holdBandDeg} must be > 0`);
  return t;
}

const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

export function stepRepCounter(
  s: RepCounterState,
  f: RepFrame,
  tMs: number,
  t: RepThresholds,
): { state: RepCounterState; event: RepEvent | null } {
  if (!f.ok) {
    // Out of view between reps changes nothing; during a rep it spoils the rep.
    if (!s.open || s.open.lost) return { state: s, event: null };
    return { state: { ...s, open: { ...s.open, lost: f.reason } }, event: null };
  }
  const sample = { tMs, deg: f.deg, confidence: f.confidence };
  if (!s.open) {
    if (f.deg < t.upDeg) return { state: s, event: null };
    const open: OpenRep = { startMs: tMs, samples: [sample], lost: null, kneeMove: f.kneeMove };
    return { state: { ...s, open }, event: { kind: 'started' } };
  }
  const open: OpenRep = {
    ...s.open,
    samples: [...s.open.samples, sample],
    kneeMove: maxOf(s.open.kneeMove, f.kneeMove),
  };
  if (f.deg > t.downDeg) return { state: { ...s, open }, event: null };
  return finish({ ...s, open: null }, open, tMs, t);
}

function finish(
  s: RepCounterState,
  o: OpenRep,
  endMs: number,
  t: RepThresholds,
): { state: RepCounterState; event: RepEvent } {
  const discard = (why: DiscardReason, detail: string) => {
    const rep: DiscardedRep = { startMs: o.startMs, endMs, why, detail };
    return { state: { ...s, discarded: [...s.discarded, rep] }, event: { kind: 'discarded', rep } as const };
  };
  if (o.lost) return discard('leg-not-seen', `the leg was not seen during the lift (${o.lost})`);
  if (o.kneeMove !== null && o.kneeMove > t.kneeMovedInvalid)
    return discard(
      'knee-moved',
      `the knee moved ${Math.round(o.kneeMove * 100)} % of the shin's length (limit ${Math.round(t.kneeMovedInvalid * 100)} %)`,
    );
  if (endMs - o.startMs < t.minRepMs)
    return discard(
      'too-fast',
      `up and down in ${Math.round(endMs - o.startMs)} ms (at least ${t.minRepMs} ms)`,
    );
  const xs = o.samples;
  // Peak of a 3-sample running median: a single stray frame cannot set the end range.
  let peakI = 0;
  let peak = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const w = xs
      .slice(Math.max(0, i - 1), i + 2)
      .map((x) => x.deg)
      .sort((a, b) => a - b);
    const m = w[w.length >> 1]!;
    if (m > peak) [peak, peakI] = [m, i];
  }
  let a = peakI;
  let b = peakI;
  while (a > 0 && xs[a - 1]!.deg >= peak - t.holdBandDeg) a--;
  while (b < xs.length - 1 && xs[b + 1]!.deg >= peak - t.holdBandDeg) b++;
  const near = xs.slice(a, b + 1);
  const rep: LiftRep = {
    index: s.reps.length + 1,
    startMs: o.startMs,
    endMs,
    peakDeg: peak,
    peakMs: xs[peakI]!.tMs,
    holdMs: xs[b]!.tMs - xs[a]!.tMs,
    confidence: near.reduce((acc, x) => acc + x.confidence, 0) / near.length,
    kneeMove: o.kneeMove,
  };
  return { state: { ...s, reps: [...s.reps, rep] }, event: { kind: 'rep', rep } };
}
