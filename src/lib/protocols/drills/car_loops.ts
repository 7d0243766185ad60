// Hip CAR loops from the knee's path: standing still gives the rest position of the knee and the thigh's
// length in the picture; a loop starts when the knee leaves rest by `startFrac` thigh lengths and ends when it
// comes back within `endFrac` (two thresholds with a gap). Each loop gets its size (the radius of a circle
// of the same area, in thigh lengths), roundness, and how far the trunk and the pelvis turned during it. A
// loop during which the leg was not seen is not counted. Pure.
import { wrapDeg } from '../../geometry/angles';
import { pathShape } from '../../geometry/knee_path';
import { length, sub, type Vec2 } from '../../geometry/vec2';
import type { CarFrame } from './car_frame';

export interface CarThresholds {
  readonly startFrac: number;
  readonly endFrac: number;
  /** Trunk axis turning more than this (degrees) during a loop: the trunk helped. */
  readonly trunkMaxDeg: number;
  /** Hip line tilting more than this (degrees): the pelvis hiked or dropped. */
  readonly pelvisMaxDeg: number;
}

export interface CarRest {
  readonly knee: Vec2;
  readonly thighPx: number;
}

export interface CarLoop {
  readonly index: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Radius of the circle with the loop's area, in thigh lengths (picture). */
  readonly radiusThighs: number;
  /** Short / long axis, 0..1. */
  readonly roundness: number;
  /** Range of the trunk axis angle over the loop (max − min). */
  readonly trunkRangeDeg: number;
  readonly pelvisRangeDeg: number;
  readonly trunkStill: boolean;
  readonly pelvisStill: boolean;
  readonly confidence: number;
  /** The knee's path (relative to its hip, px), for drawing. */
  readonly path: readonly Vec2[];
}

export interface DiscardedLoop {
  readonly startMs: number;
  readonly endMs: number;
  readonly detail: string;
}

interface OpenLoop {
  readonly frames: readonly CarFrame[];
  readonly lost: string | null;
}

export interface CarLoopState {
  /** Frames since the knee was last at rest (the start of a loop that may begin). */
  readonly lead: readonly CarFrame[];
  readonly open: OpenLoop | null;
  readonly loops: readonly CarLoop[];
  readonly discarded: readonly DiscardedLoop[];
}

export type CarEvent =
  | { readonly kind: 'started' }
  | { readonly kind: 'loop'; readonly loop: CarLoop }
  | { readonly kind: 'discarded'; readonly loop: DiscardedLoop };

export const initCarLoops = (): CarLoopState => ({ lead: [], open: null, loops: [], discarded: [] });

const range = (xs: readonly number[]) => {
  const base = xs[0] ?? 0;
  const rel = xs.map((x) => wrapDeg(x - base));
  return rel.length ? Math.max(...rel) - Math.min(...rel) : 0;
};

export function stepCarLoops(
  s: CarLoopState,
  f: { ok: true; frame: CarFrame } | { ok: false; reason: string },
  rest: CarRest,
  t: CarThresholds,
): { state: CarLoopState; event: CarEvent | null } {
  if (!f.ok) {
    if (!s.open) return { state: { ...s, lead: [] }, event: null };
    return { state: { ...s, open: { ...s.open, lost: s.open.lost ?? f.reason } }, event: null };
  }
  const d = length(sub(f.frame.knee, rest.knee)) / rest.thighPx;
  if (!s.open) {
    if (d <= t.endFrac) return { state: { ...s, lead: [f.frame] }, event: null };
    const lead = [...s.lead, f.frame];
    if (d < t.startFrac) return { state: { ...s, lead }, event: null };
    return { state: { ...s, lead: [], open: { frames: lead, lost: null } }, event: { kind: 'started' } };
  }
  const open = { ...s.open, frames: [...s.open.frames, f.frame] };
  if (d > t.endFrac) return { state: { ...s, open }, event: null };
  const base = { ...s, open: null, lead: [f.frame] };
  const startMs = open.frames[0]!.tMs;
  const endMs = f.frame.tMs;
  const discard = (detail: string) => {
    const loop = { startMs, endMs, detail };
    return {
      state: { ...base, discarded: [...s.discarded, loop] },
      event: { kind: 'discarded', loop } as const,
    };
  };
  if (open.lost) return discard(`the leg was not seen during the circle (${open.lost})`);
  const path = open.frames.map((x) => x.knee);
  const shape = pathShape(path);
  if ('reason' in shape) return discard(shape.reason);
  const trunkRangeDeg = range(open.frames.map((x) => x.trunkDeg));
  const pelvisRangeDeg = range(open.frames.map((x) => x.pelvisDeg));
  const loop: CarLoop = {
    index: s.loops.length + 1,
    startMs,
    endMs,
    radiusThighs: shape.radiusPx / rest.thighPx,
    roundness: shape.roundness,
    trunkRangeDeg,
    pelvisRangeDeg,
    trunkStill: trunkRangeDeg <= t.trunkMaxDeg,
    pelvisStill: pelvisRangeDeg <= t.pelvisMaxDeg,
    confidence: open.frames.reduce((a, x) => a + x.confidence, 0) / open.frames.length,
    path,
  };
  return { state: { ...base, loops: [...s.loops, loop] }, event: { kind: 'loop', loop } };
}
