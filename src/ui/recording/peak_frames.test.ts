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
  it('a trial beyond the three that count says so', () => {
    const a = hipAnalysis();
    const extra = { ...a.trials[0]!, attempt: 4, peakMs: 400, excluded: 'the first three count' };
    expect(peakFrames({ ...a, trials: [...a.trials, extra] }).at(-1)).toMatchObject({
      value: '36°, not counted: the first three count',
      voided: true,
    });
  });
  it("a squat: each rep's deepest frame with the knees' FPPA", () => {
    expect(peakFrames(squatAnalysis()).map((p) => [p.tMs, p.title, p.value])).toEqual([
      [100, 'rep 1', 'FPPA R 12.3°'],
      [300, 'rep 2', 'FPPA R 20°'],
    ]);
  });
});
