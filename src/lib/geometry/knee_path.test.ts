import { describe, expect, it } from 'vitest';
import { pathShape } from './knee_path';

const loop = (rx: number, ry: number, n = 60, cx = 300, cy = 200) =>
  Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    return { x: cx + rx * Math.cos(a), y: cy + ry * Math.sin(a) };
  });

describe('pathShape', () => {
  it('a circle: radius from its area, roundness 1', () => {
    const s = pathShape(loop(50, 50));
    if ('reason' in s) throw new Error(s.reason);
    expect(s.radiusPx).toBeCloseTo(50, 0);
    expect(s.roundness).toBeCloseTo(1, 5);
  });
  it('an ellipse 2:1: roundness 0.5, area-equivalent radius √(a·b)', () => {
    const s = pathShape(loop(80, 40));
    if ('reason' in s) throw new Error(s.reason);
    expect(s.roundness).toBeCloseTo(0.5, 3);
    expect(s.radiusPx).toBeCloseTo(Math.sqrt(80 * 40), 0);
  });
  it('a line back and forth has no area and no roundness', () => {
    const pts = loop(60, 0);
    const s = pathShape(pts);
    if ('reason' in s) throw new Error(s.reason);
    expect(s.areaPx2).toBeCloseTo(0, 6);
    expect(s.roundness).toBeCloseTo(0, 3);
  });
  it('refuses too few points and leaves its input alone', () => {
    const pts = loop(50, 50, 5);
    const copy = JSON.parse(JSON.stringify(pts));
    expect(pathShape(pts)).toHaveProperty('reason');
    expect(pts).toEqual(copy);
  });
});
