import { describe, expect, it } from 'vitest';
import { measuredRatio } from './ratio';

describe('measuredRatio', () => {
  it('keeps a finite value and clamps the confidence to 0..1', () => {
    expect(measuredRatio(0.12, 1.4, 'm')).toEqual({ ok: true, value: 0.12, confidence: 1, method: 'm' });
    expect(measuredRatio(-0.5, -2, 'm')).toMatchObject({ ok: true, value: -0.5, confidence: 0 });
  });

  it('refuses NaN and infinities instead of passing them on', () => {
    for (const v of [NaN, Infinity, -Infinity]) expect(measuredRatio(v, 0.9, 'm').ok).toBe(false);
  });
});
