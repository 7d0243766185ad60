import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipMs, clipStats, fitWithin, ForwardTime, progressOf, shouldInfer } from './video_timeline';

describe('clipMs', () => {
  it('measures from the first frame, in ms, from the sample timestamps', () => {
    expect(clipMs(0.1, 0.1)).toBe(0);
    expect(clipMs(1001 / 30000 + 0.5, 0.5)).toBe(33.367);
    // A variable-frame-rate clip keeps its own spacing: 33 ms, then 50 ms, then 20 ms.
    const ts = [2, 2.033, 2.083, 2.103];
    expect(ts.map((t) => clipMs(t, 2))).toEqual([0, 33, 83, 103]);
  });
});

describe('ForwardTime', () => {
  it('drops repeated and backwards timestamps', () => {
    const f = new ForwardTime();
    expect([0, 33, 33, 20, 66].map((t) => f.accept(t))).toEqual([true, true, false, false, true]);
  });
  it('keeps a strictly increasing subsequence of any input', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true })), (ts) => {
        const f = new ForwardTime();
        const kept = ts.filter((t) => f.accept(t));
        return kept.every((t, i) => i === 0 || t > kept[i - 1]!);
      }),
    );
  });
});

describe('shouldInfer', () => {
  it('keeps every k-th frame from the first', () => {
    expect([0, 1, 2, 3, 4, 5, 6].filter((i) => shouldInfer(i, 3))).toEqual([0, 3, 6]);
    expect([0, 1, 2].filter((i) => shouldInfer(i, 1))).toEqual([0, 1, 2]);
    expect([0, 1, 2].filter((i) => shouldInfer(i, 0))).toEqual([0, 1, 2]);
  });
});

describe('fitWithin', () => {
  it('scales the longer side down to maxSide and never up', () => {
    expect(fitWithin(1920, 1080, 640)).toEqual({ width: 640, height: 360 });
    expect(fitWithin(1080, 1920, 640)).toEqual({ width: 360, height: 640 });
    expect(fitWithin(640, 480, 640)).toEqual({ width: 640, height: 480 });
    expect(fitWithin(320, 240, 640)).toEqual({ width: 320, height: 240 });
  });
});

describe('clipStats', () => {
  it('takes the rate from the timestamps, including the last frame’s duration', () => {
    const t = Array.from({ length: 30 }, (_, i) => (i * 1000) / 30);
    const s = clipStats(t, 1000 / 30);
    expect(s.frames).toBe(30);
    expect(s.durationS).toBeCloseTo(1, 9);
    expect(s.fps).toBeCloseTo(30, 9);
    expect(clipStats([], 33)).toEqual({ frames: 0, durationS: 0, fps: 0 });
  });
});

describe('progressOf', () => {
  it('rates frames over the time since the first pose and estimates the time left from the total', () => {
    const p = progressOf({
      frames: 61,
      total: 181,
      firstPoseWallMs: 1000,
      nowWallMs: 3000,
      mediaS: 2,
      durationS: 6,
    });
    expect(p.fps).toBeCloseTo(30, 9);
    expect(p.etaS).toBeCloseTo(4, 9);
  });
  it('falls back to clip time when the frame total is unknown, and says nothing before the first pose', () => {
    const p = progressOf({
      frames: 61,
      total: null,
      firstPoseWallMs: 0,
      nowWallMs: 2000,
      mediaS: 2,
      durationS: 6,
    });
    expect(p.etaS).toBeCloseTo(4, 9);
    const none = progressOf({
      frames: 0,
      total: 10,
      firstPoseWallMs: null,
      nowWallMs: 5,
      mediaS: 0,
      durationS: 6,
    });
    expect(none.fps).toBe(0);
    expect(none.etaS).toBeNull();
  });
});
