import { describe, expect, it } from 'vitest';
import { MonotonicClock } from './monotonic_clock';

describe('MonotonicClock', () => {
  it('passes increasing times through unchanged', () => {
    const c = new MonotonicClock();
    expect([0, 33, 66, 100].map((t) => c.map(t))).toEqual([0, 33, 66, 100]);
  });

  it('stitches a restart (looping video) on after the last time, one frame later', () => {
    const c = new MonotonicClock();
    const out = [0, 100, 200, 300, 0, 100, 200].map((t) => c.map(t));
    expect(out).toEqual([0, 100, 200, 300, 400, 500, 600]);
    for (let i = 1; i < out.length; i++) expect(out[i]!).toBeGreaterThan(out[i - 1]!);
  });

  it('starts over after reset', () => {
    const c = new MonotonicClock();
    c.map(500);
    c.reset();
    expect(c.map(10)).toBe(10);
  });
});
