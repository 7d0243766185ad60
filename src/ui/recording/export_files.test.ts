import { describe, expect, it } from 'vitest';
import { hipAnalysis, squatAnalysis } from '../../testing/recording_analysis';
import { clipStem, exportFiles, exportText } from './export_files';

describe('clipStem', () => {
  it('keeps the clip name without its extension or folders', () => {
    expect(clipStem('phone clip (2).MOV')).toBe('phone clip (2)');
    expect(clipStem('C:\\videos\\seated.mp4')).toBe('seated');
    expect(clipStem('a:b?.webm')).toBe('a_b_');
  });
  it('never gives an empty name', () => {
    expect(clipStem('.mp4')).toBe('recording');
    expect(clipStem('')).toBe('recording');
  });
});

describe('exportFiles', () => {
  it('names the three downloads after the clip; a squat gets per-rep rows', () => {
    expect(exportFiles(hipAnalysis()).map((f) => f.name)).toEqual([
      'seated test.goniocam-frames.csv',
      'seated test.goniocam-trials.csv',
      'seated test.goniocam.json',
    ]);
    expect(exportFiles(squatAnalysis())[1]).toMatchObject({
      name: 'squats.goniocam-reps.csv',
      label: 'Per-rep CSV',
    });
  });
  it('the JSON download is the goniocam-analysis/1 object the CLI prints', () => {
    const parsed = JSON.parse(exportText(hipAnalysis(), 'json')) as { format: string; test: string };
    expect(parsed).toMatchObject({ format: 'goniocam-analysis/1', test: 'seated' });
  });
  it('the frame CSV has a header and one row per frame', () => {
    const lines = exportText(hipAnalysis(), 'frames').trim().split('\n');
    expect(lines[0]).toMatch(/^t_?ms/i);
    expect(lines).toHaveLength(1 + hipAnalysis().frames.length);
  });
});
