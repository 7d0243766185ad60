import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { offlineCacheNames, shortHash, staleCaches } from './offline_cache';

const SUMS = readFileSync(new URL('../../../models/SHA256SUMS', import.meta.url), 'utf8');

describe('offline cache names', () => {
  it('are named for the weights and the runtime version', () => {
    const n = offlineCacheNames(SUMS, '0.5.1675469404');
    expect(n.models).toMatch(/^goniocam-models-[0-9a-f]{8}$/);
    expect(n.mediapipe).toBe('goniocam-mediapipe-0.5.1675469404');
  });

  it('change when any weight file changes, not when line endings do', () => {
    const a = offlineCacheNames(SUMS, '1').models;
    expect(offlineCacheNames(SUMS.replace(/\n/g, '\r\n'), '1').models).toBe(a);
    expect(offlineCacheNames(`\n${SUMS}\n\n`, '1').models).toBe(a);
    // One hex digit of one sha256 changed.
    const edited = SUMS.replace(/[0-9a-f]/, (c) => (c === '0' ? '1' : '0'));
    expect(offlineCacheNames(edited, '1').models).not.toBe(a);
  });

  it('refuse an empty sums file and a version that is not a plain token', () => {
    expect(() => offlineCacheNames(' \n', '1')).toThrow(/empty/);
    expect(() => offlineCacheNames(SUMS, '1/../x')).toThrow(/version/);
  });

  it('shortHash is FNV-1a: known values', () => {
    expect(shortHash('')).toBe('811c9dc5');
    expect(shortHash('a')).toBe('e40c292c');
    expect(shortHash('foobar')).toBe('bf9cf968');
  });

  it('stale caches are only ours and only the old ones', () => {
    const cur = offlineCacheNames(SUMS, '2');
    const existing = [
      cur.models,
      cur.mediapipe,
      'goniocam-models-deadbeef',
      'goniocam-mediapipe-1',
      'workbox-precache-v2-http://x/',
      'someone-else',
    ];
    expect(staleCaches(existing, cur)).toEqual(['goniocam-models-deadbeef', 'goniocam-mediapipe-1']);
  });
});
