import { describe, expect, it } from 'vitest';
import { RollingStats } from './rolling_stats';

describe('RollingStats', () => {
  it('is 0 when empty', () => {
    const r = new RollingStats(3);
    expect(r.median()).toBe(0);
    expect(r.rate()).toBe(0);
  });

  it('keeps only the last N values', () => {
    const r = new RollingStats(3);
    [100, 1, 2, 3].forEach((v) => r.push(v));
    expect(r.median()).toBe(2);
  });

  it('median of an even window averages the middle two', () => {
    const r = new RollingStats(4);
    [4, 1, 3, 2].forEach((v) => r.push(v));
    expect(r.median()).toBe(2.5);
  });

  it('rate of timestamps 33.3 ms apart is 30/s', () => {
    const r = new RollingStats(10);
    for (let i = 0; i < 10; i++) r.push((i * 1000) / 30);
    expect(r.rate()).toBeCloseTo(30, 6);
  });
});
