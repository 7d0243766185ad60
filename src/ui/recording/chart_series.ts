// What one leg's angle-over-time chart shows for a recording, derived from the finished analysis: the
// series, the reference band and lines (from feedback/thresholds.ts, never literals), the trials or reps
// as markers and the compensation spans as shading. Pure, so the chart component only draws it.
import { FPPA, HIR } from '../../lib/feedback/thresholds';
import type { AnalysedFrame, RecordingAnalysis } from '../../lib/pipeline/analysis_types';
import type { Side } from '../../lib/types';

export interface ChartBand {
  readonly lowDeg: number;
  readonly highDeg: number;
  readonly label: string;
}

export interface ChartLine {
  readonly deg: number;
  readonly label: string;
}

/** A trial's end-range frame or a rep's bottom: a vertical mark with a short label. */
export interface ChartMarker {
  readonly tS: number;
  readonly label: string;
  /** 'void' = a trial that was voided (repeated) or not counted (a fourth one), drawn muted. */
  readonly kind: 'trial' | 'void' | 'rep';
}

/** A span with a compensation: 'invalid' voided its trial, 'flag' only marked it. */
export interface ChartShade {
  readonly startS: number;
  readonly endS: number;
  readonly severity: 'flag' | 'invalid';
  readonly label: string;
}

export interface LegSeries {
  readonly side: Side;
  readonly title: string;
  /** Seconds from the clip's start (the samples' own timestamps). */
  readonly t: number[];
  /** Degrees, null where the frame gave no value (uplot leaves a gap). */
  readonly deg: (number | null)[];
  readonly band: ChartBand | null;
  readonly lines: readonly ChartLine[];
  readonly markers: readonly ChartMarker[];
  readonly shades: readonly ChartShade[];
  readonly yRange: readonly [number, number];
  /** Frames with a value; 0 = the leg was never measured, and `reason` says why. */
  readonly measured: number;
  readonly reason: string | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const seconds = (ms: number) => ms / 1000;
const SHORT: Record<'internal' | 'external', string> = { internal: 'IR', external: 'ER' };

/** The chart for one leg of a recording. */
export function legSeries(a: RecordingAnalysis, side: Side): LegSeries {
  const t = a.frames.map((f) => seconds(f.tMs));
  const deg = a.frames.map((f) => f.legs[side].deg);
  const values = deg.filter((d): d is number => d !== null);
  const shades = a.spans
    .filter((s) => s.side === side)
    .map((s) => ({
      startS: seconds(s.startMs),
      endS: seconds(Math.max(s.endMs, s.startMs)),
      severity: s.compensation.severity,
      label: s.compensation.message,
    }));
  const common = { side, t, deg, shades, measured: values.length, reason: commonReason(a.frames, side) };

  if (a.kind === 'hip') {
    const band = {
      lowDeg: HIR.normLowDeg.value,
      highDeg: HIR.normHighDeg.value,
      label: `healthy ${HIR.normLowDeg.value}–${HIR.normHighDeg.value}°`,
    };
    const lines = [{ deg: HIR.functionalMinDeg.value, label: `${HIR.functionalMinDeg.value}° minimum` }];
    // Short labels ("IR1"): twelve trials share one chart; the values are on the cards and thumbnails.
    const markers = a.trials
      .filter((tr) => tr.side === side)
      .map((tr): ChartMarker => ({
        tS: seconds(tr.peakMs),
        label: `${SHORT[tr.direction]}${tr.attempt}`,
        kind: tr.valid && !tr.excluded ? 'trial' : 'void',
      }));
    return {
      ...common,
      title: `${cap(side)} hip — rotation (internal +, external −)`,
      band,
      lines,
      markers,
      yRange: yRange(values, [-10, band.highDeg + 5]),
    };
  }

  const flag = FPPA.valgusFlagDeg.value;
  const markers = a.outcome.result.reps.map((r): ChartMarker => {
    const v = r.legs[side]?.fppaDeg;
    return {
      tS: seconds(r.bottomMs),
      label: `Rep ${r.index}${v?.ok ? ` · ${round1(v.value)}°` : ''}`,
      kind: 'rep',
    };
  });
  return {
    ...common,
    title: `${cap(side)} knee — FPPA (valgus +)`,
    band: null,
    lines: [{ deg: flag, label: `valgus flag ${flag}°` }],
    markers,
    yRange: yRange(values, [-5, flag + 5]),
  };
}

/** A y range that always shows the reference band/lines and every value, with a little headroom. */
export function yRange(values: readonly number[], keep: readonly [number, number]): [number, number] {
  let lo = keep[0];
  let hi = keep[1];
  for (const v of values) {
    if (v - 5 < lo) lo = v - 5;
    if (v + 5 > hi) hi = v + 5;
  }
  return [Math.floor(lo / 5) * 5, Math.ceil(hi / 5) * 5];
}

/** The reason given most often for a missing value on this leg (what to say when a leg has no line). */
export function commonReason(frames: readonly AnalysedFrame[], side: Side): string | null {
  const counts = new Map<string, number>();
  for (const f of frames) {
    const r = f.legs[side].reason;
    if (f.legs[side].deg === null && r) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [r, c] of counts)
    if (c > n) {
      best = r;
      n = c;
    }
  return best;
}

/** Index of the analysed frame nearest to tMs (frames sorted by time); -1 when there are none. */
export function nearestFrameIndex(frames: readonly AnalysedFrame[], tMs: number): number {
  if (frames.length === 0) return -1;
  let lo = 0;
  let hi = frames.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (frames[mid]!.tMs < tMs) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && tMs - frames[lo - 1]!.tMs <= frames[lo]!.tMs - tMs) return lo - 1;
  return lo;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
