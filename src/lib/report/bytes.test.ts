import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deflate, fromBase64url, inflate, toBase64url } from './bytes';

describe('bytes', () => {
  it('base64url round trips any bytes, with no padding or URL-unsafe characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const s = toBase64url(b);
        return /^[A-Za-z0-9_-]*$/.test(s) && fromBase64url(s)!.every((x, i) => x === b[i]);
      }),
    );
    expect(fromBase64url('a+b/')).toBeNull();
    expect(fromBase64url('abcde')).toBeNull(); // 5 characters cannot be base64
  });

  it('inflates what it deflated, and stops at the ceiling', async () => {
    const big = new Uint8Array(100_000).fill(65);
    const z = await deflate(big);
    expect(z.length).toBeLessThan(1000);
    expect(await inflate(z, 100_000)).toEqual(big);
    expect(await inflate(z, 99_999)).toBeNull();
    expect(await inflate(new Uint8Array([1, 2, 3, 4, 5]), 1000)).toBeNull();
  });
});
