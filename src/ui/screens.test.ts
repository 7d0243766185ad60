import { describe, expect, it } from 'vitest';
import { screenFromHash } from './screens';

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
