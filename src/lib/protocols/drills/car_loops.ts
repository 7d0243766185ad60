// Hip CAR loops from the knee's path: standing still gives the rest position of the knee and the thigh's
// length in the picture; a loop starts when the knee leaves rest by `startFrac` thigh lengths and ends when it
// comes back within `endFrac` (two thresholds with a gap). Each loop gets its size (the radius of a circle
// of the same area, in thigh lengths), roundness, and how far the trunk and the pelvis turned during it. A
// loop during which the leg was not seen is not counted. Pure.
import { RAD_TO_DEG, wrapDeg } from '../../geometry/angles';
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
  /** The hip line's angle standing still (to catch the model swapping left and right, car_frame.ts). */
  readonly pelvisDeg: number;
}

/**
 * A circle is complete when the knee is back at rest after turning at least this far round the path's middle.
 * Seen from the front, part of a circle runs toward the camera and its picture can pass close to the rest
 * position half-way round (the rig's CAR clip does): being near rest alone does not end it.
 */
export const MIN_WINDING_DEG = 270;
/** Back at rest this long ends a circle however far it went round (an aborted circle is still reported). */
export const REST_DWELL_MS = 800;

/** How far, in degrees, the path turns round its own centroid (signed sum of the steps' angles). */
export function windingDeg(path: readonly Vec2[]): number {
  if (path.length < 3) return 0;
  const c = path.reduce((a, p) => ({ x: a.x + p.x / path.length, y: a.y + p.y / path.length }), {
    x: 0,
    y: 0,
  });
  let total = 0;
  for (let i = 1; i < path.length; i++) {
    const a = Math.atan2(path[i - 1]!.y - c.y, path[i - 1]!.x - c.x);
    const b = Math.atan2(path[i]!.y - c.y, path[i]!.x - c.x);
    total += wrapDeg((b - a) * RAD_TO_DEG);
  }
  return total;
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
  /** Since when the knee has been back at rest without the circle being complete (null: not at rest). */
  readonly atRestSinceMs: number | null;
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

/**
 * How far an angle moved over a loop: the spread of the middle 90 % of its frames, relative to the first (a
 * frame or two of misplaced keypoints, as when the model swaps sides and back, is not the trunk moving).
 */
const range = (xs: readonly number[]) => {
  const base = xs[0] ?? 0;
  const rel = xs.map((x) => wrapDeg(x - base)).sort((a, b) => a - b);
  if (rel.length === 0) return 0;
  const at = (q: number) => rel[Math.min(rel.length - 1, Math.max(0, Math.round(q * (rel.length - 1))))]!;
  return at(0.95) - at(0.05);
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
    return {
      state: { ...s, lead: [], open: { frames: lead, lost: null, atRestSinceMs: null } },
      event: { kind: 'started' },
    };
  }
  const frames = [...s.open.frames, f.frame];
  if (d > t.endFrac)
    return { state: { ...s, open: { ...s.open, frames, atRestSinceMs: null } }, event: null };
  const since = s.open.atRestSinceMs ?? f.frame.tMs;
  const around = Math.abs(windingDeg(frames.map((x) => x.knee))) >= MIN_WINDING_DEG;
  const open = { ...s.open, frames, atRestSinceMs: since };
  if (!around && f.frame.tMs - since < REST_DWELL_MS) return { state: { ...s, open }, event: null };
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
