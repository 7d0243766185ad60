// The shape of a closed path in the picture (the knee's loop in a hip CAR): its size as the radius of the
// circle with the same area, and its roundness as the ratio of its short to its long axis (1 = a circle,
// 0 = a line). Axes come from the points' spread, not the perimeter, so keypoint jitter does not read as a
// smaller or less round loop. Pure.
import type { Vec2 } from './vec2';

export interface PathShape {
  /** Enclosed area (shoelace, the path closed from its last point to its first), px². */
  readonly areaPx2: number;
  /** √(area / π): the radius of a circle of the same area. */
  readonly radiusPx: number;
  /** Short axis / long axis of the points' spread, 0..1. */
  readonly roundness: number;
  /** Distance from the first to the last point, px (a loop that did not come back is not a loop). */
  readonly gapPx: number;
}

export function pathShape(points: readonly Vec2[]): PathShape | { reason: string } {
  if (points.length < 8) return { reason: `only ${points.length} knee positions: too few for a loop` };
  let area2 = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    area2 += a.x * b.y - b.x * a.y;
    mx += a.x;
    my += a.y;
  }
  mx /= points.length;
  my /= points.length;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  // Eigenvalues of the 2×2 covariance: the squared half-spreads along the long and short axes.
  const tr = (sxx + syy) / points.length;
  const det = (sxx * syy - sxy * sxy) / points.length ** 2;
  const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
  const big = tr / 2 + disc;
  const small = Math.max(0, tr / 2 - disc);
  const areaPx2 = Math.abs(area2) / 2;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return {
    areaPx2,
    radiusPx: Math.sqrt(areaPx2 / Math.PI),
    roundness: big > 0 ? Math.sqrt(small / big) : 0,
    gapPx: Math.hypot(last.x - first.x, last.y - first.y),
  };
}
