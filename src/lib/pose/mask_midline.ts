// A limb segment's line re-drawn through the middle of a person mask (scripts/accuracy_mask.ts; the supine knee's
// second look on the branch wip/knee-mask): cross-sections perpendicular to the keypoints' own line, each one's run
// of mask around that line gives a midpoint, and a line fitted through the midpoints replaces the keypoints'
// direction. Pure, so it is tested on drawn masks.
import type { Joint } from '../types';

export interface Mask {
  readonly width: number;
  readonly height: number;
  /** Row-major, 0–1 (person probability). */
  readonly data: Float32Array;
}

export interface Redrawn {
  /** The segment's ends, each moved onto the fitted line (the keypoints' own place along it is kept). */
  readonly a: Joint;
  readonly b: Joint;
  readonly mids: { x: number; y: number }[];
}

function at(m: Mask, x: number, y: number): number {
  const xi = Math.round(x);
  const yi = Math.round(y);
  if (xi < 0 || yi < 0 || xi >= m.width || yi >= m.height) return 0;
  return m.data[yi * m.width + xi]!;
}

/**
 * `from`/`to`: the part of a → b whose cross-sections are read (away from the joints, where the next limb or the
 * foot widens the silhouette). A cross-section whose run is wider than `maxWidth` × the segment (two limbs
 * touching, the body behind) or that does not reach within `maxOffset` × the segment of the line is skipped.
 * Null when fewer than `minMids` cross-sections remain.
 */
export function redrawSegment(
  mask: Mask,
  a: Joint,
  b: Joint,
  opts: {
    from?: number;
    to?: number;
    steps?: number;
    maxWidth?: number;
    maxOffset?: number;
    minMids?: number;
    rounds?: number;
    threshold?: number;
  } = {},
): Redrawn | null {
  const {
    from = 0.3,
    to = 0.8,
    steps = 11,
    maxWidth = 0.6,
    maxOffset = 0.15,
    minMids = 5,
    rounds = 2,
    threshold = 0.5,
  } = opts;
  let p = { x: a.x, y: a.y };
  let q = { x: b.x, y: b.y };
  let mids: { x: number; y: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const L = Math.hypot(q.x - p.x, q.y - p.y);
    if (L < 4) return null;
    const u = { x: (q.x - p.x) / L, y: (q.y - p.y) / L };
    const n = { x: -u.y, y: u.x };
    mids = [];
    for (let i = 0; i < steps; i++) {
      const t = from + ((to - from) * i) / (steps - 1);
      const c = { x: p.x + t * L * u.x, y: p.y + t * L * u.y };
      const run = runAround(mask, c, n, L, threshold, maxOffset);
      if (!run || run[1] - run[0] > maxWidth * L) continue;
      const s = (run[0] + run[1]) / 2;
      mids.push({ x: c.x + s * n.x, y: c.y + s * n.y });
    }
    if (mids.length < minMids) return null;
    const line = fitLine(mids, u);
    const onto = (j: { x: number; y: number }) => {
      const k = (j.x - line.m.x) * line.d.x + (j.y - line.m.y) * line.d.y;
      return { x: line.m.x + k * line.d.x, y: line.m.y + k * line.d.y };
    };
    p = onto(p);
    q = onto(q);
  }
  return { a: { ...p, score: a.score }, b: { ...q, score: b.score }, mids };
}

/** The run of mask along c + s·n (|s| ≤ L) that contains s = 0, else the nearest within maxOffset·L. */
function runAround(
  mask: Mask,
  c: { x: number; y: number },
  n: { x: number; y: number },
  L: number,
  threshold: number,
  maxOffset: number,
): [number, number] | null {
  const step = 0.5;
  const inside = (s: number) => at(mask, c.x + s * n.x, c.y + s * n.y) >= threshold;
  let s0: number | null = null;
  for (let d = 0; d <= maxOffset * L; d += step) {
    if (inside(d)) {
      s0 = d;
      break;
    }
    if (inside(-d)) {
      s0 = -d;
      break;
    }
  }
  if (s0 === null) return null;
  let lo = s0;
  let hi = s0;
  while (lo - step >= -L && inside(lo - step)) lo -= step;
  while (hi + step <= L && inside(hi + step)) hi += step;
  return [lo, hi];
}

/** Total least squares line through points: centroid and unit direction, pointing the way of `like`. */
export function fitLine(
  pts: { x: number; y: number }[],
  like: { x: number; y: number },
): { m: { x: number; y: number }; d: { x: number; y: number } } {
  const m = { x: 0, y: 0 };
  for (const p of pts) {
    m.x += p.x / pts.length;
    m.y += p.y / pts.length;
  }
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of pts) {
    sxx += (p.x - m.x) ** 2;
    syy += (p.y - m.y) ** 2;
    sxy += (p.x - m.x) * (p.y - m.y);
  }
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  let d = { x: Math.cos(theta), y: Math.sin(theta) };
  if (d.x * like.x + d.y * like.y < 0) d = { x: -d.x, y: -d.y };
  return { m, d };
}
