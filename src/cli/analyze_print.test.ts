import { describe, expect, it } from 'vitest';
import { seatedAnalysis, squatAnalysis } from '../testing/recording_analyses';
import { analysisJson } from '../lib/report/analysis_export';
import { formatAnalysis } from './analyze_print';

describe('formatAnalysis', () => {
  it('prints each measured direction with its rule and peaks, and why a side has no value', () => {
    const text = formatAnalysis(analysisJson(seatedAnalysis()));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(
      /^seated\.mp4: seated test, 3 frames analysed over 60\.0 s .* 21\.4 s \(2\.81× real time\)$/,
    );
    expect(text).toMatch(
      /right internal +35\.0° +mean of 2 valid trials.*\[peaks: 34\.4°@3\.5s, void, 36\.4°@15\.5s, 50\.4°@33\.5s not counted\]/,
    );
    expect(text).toMatch(/right external +42\.0°/);
    expect(text).toMatch(/left internal +can't measure: the clip does not show the left leg turning/);
    expect(text).not.toMatch(/NaN|undefined|null/);
  });

  it('prints a squat set as a rep table', () => {
    const text = formatAnalysis(analysisJson(squatAnalysis()));
    const reps = text.split('\n').filter((l) => /^\d+ /.test(l));
    expect(reps).toHaveLength(3);
    for (const r of reps) expect(r).toMatch(/12\.\d°\s+4\.\d°\s+0\.4\d$/);
    expect(text).not.toMatch(/internal|NaN|undefined/);
  });
});
