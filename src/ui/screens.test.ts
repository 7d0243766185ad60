import { describe, expect, it } from 'vitest';
import { hashArgument, screenFromHash } from './screens';

describe('screenFromHash', () => {
  it('reads the screen from the hash', () => {
    expect(screenFromHash('#/squat')).toBe('squat');
    expect(screenFromHash('#live')).toBe('live');
    expect(screenFromHash('#/recording')).toBe('recording');
    expect(screenFromHash('#/hip/seated')).toBe('hip');
  });
  it('falls back to the hip test for anything else (the hash is untrusted)', () => {
    expect(screenFromHash('')).toBe('hip');
    expect(screenFromHash('#/<script>')).toBe('hip');
  });
});

describe('linked screens', () => {
  it('opens a report or a screening link from the hash, with its argument', () => {
    expect(screenFromHash('#/report/abc-1')).toBe('report');
    expect(screenFromHash('#/screen/eJx')).toBe('screen');
    expect(screenFromHash('#/history')).toBe('history');
    expect(hashArgument('#/report/abc%20d')).toBe('abc d');
    expect(hashArgument('#/screen/A-b_c')).toBe('A-b_c');
    expect(hashArgument('#/history')).toBe('');
    expect(hashArgument('#/report/%E0%A4%A')).toBe('');
  });
});
