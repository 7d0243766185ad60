import { describe, expect, it } from 'vitest';
import { FPPA, HIR } from '../../lib/feedback/thresholds';
import { frame, hipAnalysis, squatAnalysis } from '../../testing/recording_analysis';
import { commonReason, legSeries, nearestFrameIndex, yRange } from './chart_series';

describe('legSeries (hip test)', () => {
  const right = legSeries(hipAnalysis(), 'right');

  it('keeps the samples in seconds with gaps where a frame gave no value', () => {
    expect(right.t).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(right.deg).toEqual([0, 36, null, -40, 0]);
    expect(right.measured).toBe(4);
  });

  it('takes the healthy band and the minimum line from thresholds.ts', () => {
    expect(right.band).toMatchObject({ lowDeg: HIR.normLowDeg.value, highDeg: HIR.normHighDeg.value });
    expect(right.lines.map((l) => l.deg)).toEqual([HIR.functionalMinDeg.value]);
  });

  it("marks this leg's trials at their peaks, voided ones apart", () => {
    expect(right.markers).toEqual([
      { tS: 0.1, label: 'IR1', kind: 'trial' },
      { tS: 0.3, label: 'ER1', kind: 'void' },
    ]);
  });

  it("shades only this leg's compensation spans", () => {
    expect(right.shades).toEqual([
      { startS: 0.25, endS: 0.35, severity: 'invalid', label: 'The knee moved' },
    ]);
    expect(legSeries(hipAnalysis(), 'left').shades.map((s) => s.severity)).toEqual(['flag']);
  });

  it('a trial beyond the three that count is drawn muted like a voided one', () => {
    const a = hipAnalysis();
    const extra = { ...a.trials[0]!, attempt: 4, peakMs: 400, excluded: 'only the first three count' };
    const s = legSeries({ ...a, trials: [...a.trials, extra] }, 'right');
    expect(s.markers.at(-1)).toEqual({ tS: 0.4, label: 'IR4', kind: 'void' });
  });

  it('shows every value and the whole band', () => {
    expect(right.yRange[0]).toBeLessThanOrEqual(-45);
    expect(right.yRange[1]).toBeGreaterThanOrEqual(HIR.normHighDeg.value);
  });

  it('says why a leg was never measured', () => {
    const left = legSeries(hipAnalysis(), 'left');
    expect(left.measured).toBe(0);
    expect(left.reason).toBe('left leg out of the picture');
    expect(left.markers).toEqual([]);
  });
});

describe('legSeries (squat)', () => {
  const right = legSeries(squatAnalysis(), 'right');
  it('draws the valgus flag line, no hip band, and a marker per rep bottom with its FPPA', () => {
    expect(right.band).toBeNull();
    expect(right.lines.map((l) => l.deg)).toEqual([FPPA.valgusFlagDeg.value]);
    expect(right.markers).toEqual([
      { tS: 0.1, label: 'Rep 1 · 12.3°', kind: 'rep' },
      { tS: 0.3, label: 'Rep 2 · 20°', kind: 'rep' },
    ]);
    expect(right.title).toContain('FPPA');
  });
  it('a leg without a value in a rep still gets the rep marked', () => {
    expect(legSeries(squatAnalysis(), 'left').markers.map((m) => m.label)).toEqual(['Rep 1', 'Rep 2']);
  });
});

describe('yRange', () => {
  it('keeps the reference range when the values fit inside it, on 5° steps', () => {
    expect(yRange([1, 2], [-10, 50])).toEqual([-10, 50]);
    expect(yRange([-41, 62], [-10, 50])).toEqual([-50, 70]);
  });
});

describe('nearestFrameIndex', () => {
  const frames = [frame(0, 0), frame(100, 1), frame(250, 2)];
  it('finds the nearest sample by its own timestamp', () => {
    expect(nearestFrameIndex(frames, -5)).toBe(0);
    expect(nearestFrameIndex(frames, 49)).toBe(0);
    expect(nearestFrameIndex(frames, 51)).toBe(1);
    expect(nearestFrameIndex(frames, 180)).toBe(2);
    expect(nearestFrameIndex(frames, 9999)).toBe(2);
    expect(nearestFrameIndex([], 10)).toBe(-1);
  });
});

describe('commonReason', () => {
  it('is null when every frame has a value', () => {
    expect(commonReason([frame(0, 1)], 'right')).toBeNull();
  });
});
