import { describe, expect, it } from 'vitest';
import { duration, progressText } from './progress_text';

describe('progressText', () => {
  it('counts frames against the total when the container gives one', () => {
    const t = progressText({ frames: 450, total: 1800, fps: 14.25, etaS: 94.6, mediaS: 15, durationS: 60 });
    expect(t.fraction).toBe(0.25);
    expect(t).toMatchObject({
      done: 'frame 450 of 1800',
      rate: '14.3 frames/s',
      left: 'about 1 min 35 s left',
    });
  });
  it('falls back to media time, then to an indeterminate bar', () => {
    expect(progressText({ frames: 3, total: 0, fps: 0, etaS: null, mediaS: 6, durationS: 60 }).fraction).toBe(
      0.1,
    );
    const t = progressText({ frames: 3, total: null, fps: 0, etaS: null, mediaS: 6, durationS: null });
    expect(t.fraction).toBeNull();
    expect(t).toMatchObject({ done: '3 frames', rate: 'starting…', left: 'estimating time left…' });
  });
  it('never shows more than all of it', () => {
    expect(progressText({ frames: 12, total: 10, fps: 5, etaS: 0, mediaS: 1, durationS: 1 }).fraction).toBe(
      1,
    );
  });
});

describe('duration', () => {
  it('reads like speech', () => {
    expect(duration(0.4)).toBe('under a second');
    expect(duration(12.2)).toBe('about 12 s');
    expect(duration(120)).toBe('about 2 min');
  });
});
