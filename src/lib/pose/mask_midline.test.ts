import { describe, expect, it } from 'vitest';
import { fitLine, redrawSegment, type Mask } from './mask_midline';

/** A mask holding bars of the given half-width along p → q (1 inside, 0 outside). */
function barsMask(
  w: number,
  h: number,
  bars: { p: [number, number]; q: [number, number]; half: number }[],
): Mask {
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (const { p, q, half } of bars) {
        const L = Math.hypot(q[0] - p[0], q[1] - p[1]);
        const ux = (q[0] - p[0]) / L;
        const uy = (q[1] - p[1]) / L;
        const t = (x - p[0]) * ux + (y - p[1]) * uy;
        const d = Math.abs(-(x - p[0]) * uy + (y - p[1]) * ux);
        if (t >= 0 && t <= L && d <= half) data[y * w + x] = 1;
      }
  return { width: w, height: h, data };
}

const deg = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;

describe('redrawSegment', () => {
  const bar = { p: [100, 40] as [number, number], q: [160, 260] as [number, number], half: 12 };
  const trueDeg = deg({ x: 100, y: 40 }, { x: 160, y: 260 });

  it('turns keypoints that lie off the limb onto the middle of its silhouette', () => {
    const mask = barsMask(320, 320, [bar]);
    // Keypoints 8° off the bar's axis (pulled toward vertical), the far one well off its middle.
    const a = { x: 102, y: 50, score: 0.9 };
    const b = { x: 128, y: 250, score: 0.8 };
    expect(Math.abs(deg(a, b) - trueDeg)).toBeGreaterThan(6);
    const r = redrawSegment(mask, a, b)!;
    expect(r).not.toBeNull();
    expect(Math.abs(deg(r.a, r.b) - trueDeg)).toBeLessThan(1);
    expect(r.a.score).toBe(0.9);
    expect(r.b.score).toBe(0.8);
    // Each end lands on the limb's axis, about where the keypoint put it along the limb.
    const L = Math.hypot(60, 220);
    const along = (j: { x: number; y: number }) => ((j.x - 100) * 60 + (j.y - 40) * 220) / L;
    const off = (j: { x: number; y: number }) => Math.abs((-(j.x - 100) * 220 + (j.y - 40) * 60) / L);
    expect(off(r.a)).toBeLessThan(1.5);
    expect(off(r.b)).toBeLessThan(1.5);
    expect(Math.abs(along(r.b) - along(b))).toBeLessThan(5);
  });

  it('skips cross-sections where another limb touches, and keeps the line', () => {
    // A second limb lying across the first (perpendicular, 60 % of the way down) widens the cross-sections it
    // covers beyond the limit.
    const L = Math.hypot(60, 220);
    const [ux, uy] = [60 / L, 220 / L];
    const c: [number, number] = [100 + 0.6 * 60, 40 + 0.6 * 220];
    const other = {
      p: [c[0] + 100 * uy, c[1] - 100 * ux] as [number, number],
      q: [c[0] - 100 * uy, c[1] + 100 * ux] as [number, number],
      half: 14,
    };
    const mask = barsMask(320, 320, [bar, other]);
    const r = redrawSegment(mask, { x: 100, y: 40, score: 1 }, { x: 160, y: 260, score: 1 })!;
    expect(r.mids.length).toBeLessThan(11);
    expect(Math.abs(deg(r.a, r.b) - trueDeg)).toBeLessThan(1.5);
  });

  it('gives nothing where the mask shows no limb along the keypoints', () => {
    const mask = barsMask(320, 320, [{ p: [280, 10], q: [300, 300], half: 5 }]);
    expect(redrawSegment(mask, { x: 50, y: 40, score: 1 }, { x: 60, y: 260, score: 1 })).toBeNull();
  });
});

describe('fitLine', () => {
  it('fits points on a line and points the way asked', () => {
    const pts = [0, 1, 2, 3, 4].map((t) => ({ x: 10 + 3 * t, y: 5 - 4 * t }));
    const { d } = fitLine(pts, { x: -3, y: 4 });
    expect(d.x).toBeCloseTo(-0.6, 6);
    expect(d.y).toBeCloseTo(0.8, 6);
  });
});
