import { describe, expect, it } from 'vitest';
import { hipAnalysis, squatAnalysis } from '../../testing/recording_analysis';
import { peakFrames } from './peak_frames';

describe('peakFrames', () => {
  it("a hip test: each trial's end-range frame, voided ones with their reason", () => {
    expect(peakFrames(hipAnalysis())).toEqual([
      { tMs: 100, side: 'right', title: 'right IR #1', value: '36°', voided: false },
      { tMs: 300, side: 'right', title: 'right ER #1', value: 'void: The knee moved', voided: true },
    ]);
  });
  it("a squat: each rep's deepest frame with the knees' FPPA", () => {
    expect(peakFrames(squatAnalysis()).map((p) => [p.tMs, p.title, p.value])).toEqual([
      [100, 'rep 1', 'FPPA R 12.3°'],
      [300, 'rep 2', 'FPPA R 20°'],
    ]);
  });
});
