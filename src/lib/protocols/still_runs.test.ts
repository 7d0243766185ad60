// Still windows anywhere in a series, by the live stillness rule.
import { describe, expect, it } from 'vitest';
import { stillWindows } from './still_runs';

const LIMITS = { sdDeg: 1, maxDevDeg: 2.5, maxGapMs: 1000 };
const series = (degs: readonly number[], frameMs = 100) =>
  degs.map((deg, i) => ({ tMs: i * frameMs, deg, confidence: 0.9 }));

describe('stillWindows', () => {
  it('a plateau after a turn is one window, even where the turn’s last frame would pair with its first', () => {
    // Left to right, 27.5 and 29.4 are still together but not with 30: a greedy scan would split the
    // plateau there. The longest window wins instead.
    const w = stillWindows(series([0, 10, 20, 27.5, 29.4, 30, 30.2, 29.9, 30.1, 30, 30, 20, 10, 0]), LIMITS);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({
      startIdx: 4,
      endIdx: 10,
      count: 7,
      startMs: 400,
      endMs: 1000,
      durationMs: 600,
    });
    expect(w[0]!.meanDeg).toBeCloseTo((29.4 + 30 + 30.2 + 29.9 + 30.1 + 30 + 30) / 7, 6);
  });

  it('noise beyond the limits breaks a window; windows never overlap and come in time order', () => {
    const w = stillWindows(series([0, 0.5, 0, 0.4, 6, 6.3, 6.1, 6.2, 0, 0.2]), LIMITS);
    expect(w.map((x) => [x.startIdx, x.endIdx])).toEqual([
      [0, 3],
      [4, 7],
      [8, 9],
    ]);
  });

  it('a gap longer than the limit ends a window; a shorter one does not', () => {
    const s = [...series([5, 5, 5]), ...series([5, 5, 5]).map((x) => ({ ...x, tMs: x.tMs + 1500 }))];
    expect(stillWindows(s, LIMITS)).toHaveLength(2);
    expect(stillWindows(s, { ...LIMITS, maxGapMs: 2000 })).toHaveLength(1);
  });

  it('nothing still: no window', () => {
    expect(stillWindows(series([0, 5, 10, 15, 20]), LIMITS)).toEqual([]);
    expect(stillWindows([], LIMITS)).toEqual([]);
  });
});
