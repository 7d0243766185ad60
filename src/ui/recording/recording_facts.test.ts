import { describe, expect, it } from 'vitest';
import { INFO } from '../../testing/recording_analysis';
import { recordingFacts } from './recording_facts';

describe('recordingFacts', () => {
  it('says what was analysed and with which model', () => {
    expect(recordingFacts(INFO)).toEqual([
      '5 frames',
      '10 fps',
      '0.5 s',
      '640×480',
      'analysed in 1.2 s with BlazePose full',
    ]);
  });
  it("mentions a turn from the file's rotation metadata", () => {
    expect(recordingFacts({ ...INFO, rotationDeg: 90 }).at(-1)).toBe('turned 90° as the file says');
  });
});
