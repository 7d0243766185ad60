// The hold timer of the passive drills: time counts only between consecutive frames that are both in the
// right position, so a second out of position, or the person out of view, stops the clock. Each unbroken
// stretch is a bout with the angle held through it (median, spread, confidence). Pure; times passed in.

/** What one frame says about the drill position. */
export interface HoldFrame {
  readonly inPosition: boolean;
  /** The drill's angle this frame (null when it cannot be read). */
  readonly angleDeg: number | null;
  readonly confidence: number;
  /** Why the position is not right, or why the angle is missing (null when all is well). */
  readonly reason: string | null;
}

export type HeldAngle =
  | { readonly ok: true; readonly valueDeg: number; readonly sdDeg: number; readonly confidence: number }
  | { readonly ok: false; readonly reason: string };

export interface HoldBout {
  readonly startMs: number;
  readonly endMs: number;
  /** Time counted in this bout (its frames' span). */
  readonly heldMs: number;
  readonly angle: HeldAngle;
}

interface OpenBout {
  readonly startMs: number;
  readonly lastMs: number;
  readonly angles: readonly number[];
  readonly confidences: readonly number[];
}

export interface HoldTimerState {
  /** Total time held, all bouts. */
  readonly heldMs: number;
  readonly bouts: readonly HoldBout[];
  readonly open: OpenBout | null;
  /** The last frame's reason for not counting (null while counting). */
  readonly reason: string | null;
}

export const initHoldTimer = (): HoldTimerState => ({ heldMs: 0, bouts: [], open: null, reason: null });

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function boutOf(o: OpenBout): HoldBout {
  const n = o.angles.length;
  let angle: HeldAngle;
  if (n === 0) angle = { ok: false, reason: 'no frame of this hold gave an angle' };
  else {
    const mean = o.angles.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(o.angles.reduce((a, d) => a + (d - mean) ** 2, 0) / n);
    const conf = o.confidences.reduce((a, b) => a + b, 0) / n;
    angle = { ok: true, valueDeg: median(o.angles), sdDeg: sd, confidence: conf };
  }
  return { startMs: o.startMs, endMs: o.lastMs, heldMs: o.lastMs - o.startMs, angle };
}

/** Ends the open bout (the drill ends, or the position was lost). */
export function closeHold(s: HoldTimerState): HoldTimerState {
  return s.open ? { ...s, open: null, bouts: [...s.bouts, boutOf(s.open)] } : s;
}

/**
 * One frame (null: nobody in view). Frames farther apart than `maxGapMs` do not count the time between
 * them: a stalled camera is not a hold.
 */
export function stepHoldTimer(
  s: HoldTimerState,
  frame: HoldFrame | null,
  tMs: number,
  maxGapMs: number,
): HoldTimerState {
  if (!frame || !frame.inPosition) {
    return { ...closeHold(s), reason: frame?.reason ?? 'nobody in view' };
  }
  const a = frame.angleDeg;
  const keep = (o: OpenBout): OpenBout =>
    a === null
      ? { ...o, lastMs: tMs }
      : { ...o, lastMs: tMs, angles: [...o.angles, a], confidences: [...o.confidences, frame.confidence] };
  const fresh: OpenBout = { startMs: tMs, lastMs: tMs, angles: [], confidences: [] };
  if (!s.open) return { ...s, open: keep(fresh), reason: null };
  const dt = tMs - s.open.lastMs;
  if (dt < 0 || dt > maxGapMs) return { ...closeHold(s), open: keep(fresh), reason: null };
  return { ...s, heldMs: s.heldMs + dt, open: keep(s.open), reason: null };
}

/** Every bout so far, the open one included (for a live view or a result taken mid-hold). */
export const allBouts = (s: HoldTimerState): HoldBout[] => [...s.bouts, ...(s.open ? [boutOf(s.open)] : [])];

/** The angle held over all bouts, each weighted by its time (or the reason there is none). */
export function heldAngle(bouts: readonly HoldBout[]): HeldAngle {
  const measured = bouts.filter((b) => b.angle.ok && b.heldMs > 0);
  if (measured.length === 0)
    return {
      ok: false,
      reason:
        bouts.length === 0 ? 'the position was never held' : 'no hold lasted long enough to read its angle',
    };
  const w = measured.reduce((a, b) => a + b.heldMs, 0);
  const avg = (f: (x: { valueDeg: number; sdDeg: number; confidence: number }) => number) =>
    measured.reduce((a, b) => a + (b.angle.ok ? f(b.angle) * b.heldMs : 0), 0) / w;
  return {
    ok: true,
    valueDeg: avg((x) => x.valueDeg),
    sdDeg: avg((x) => x.sdDeg),
    confidence: avg((x) => x.confidence),
  };
}
