import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deflate, toBase64url, utf8 } from './bytes';
import { exportPublicKey, generateTrainerKeys } from './screening_crypto';
import {
  decodeScreeningRequest,
  encodeScreeningRequest,
  LINK_ROUTE,
  MAX_LINK_CHARS,
  screeningLink,
  type ScreeningRequest,
} from './screening_link';

const key = await exportPublicKey((await generateTrainerKeys()).publicKey);
const request: ScreeningRequest = {
  v: 1,
  tests: ['seated', 'squat'],
  sides: ['right', 'left'],
  client: 'Sam',
  instructions: 'Morning, before training. <b>not bold</b>',
  key,
};
const payloadOf = async (json: unknown) => toBase64url(await deflate(utf8(JSON.stringify(json))));
const error = async (fragment: string) => {
  const r = await decodeScreeningRequest(fragment);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

describe('screening link', () => {
  it('round trips through the URL fragment, and stays short', async () => {
    const link = await screeningLink('https://goniocam.example/app/#/hip', request);
    expect(link.startsWith(`https://goniocam.example/app/${LINK_ROUTE}`)).toBe(true);
    const fragment = new URL(link).hash;
    expect(await decodeScreeningRequest(fragment)).toEqual({ ok: true, request });
    expect(fragment.length).toBeLessThan(400);
  });

  it('refuses broken, cut and hostile links with a message', async () => {
    const good = await encodeScreeningRequest(request);
    expect(await error(LINK_ROUTE)).toMatch(/empty/);
    expect(await error(`${LINK_ROUTE}${good.slice(0, 40)}`)).toMatch(/cut or altered/);
    expect(await error(`${LINK_ROUTE}not base64!`)).toMatch(/not base64url/);
    expect(await error('A'.repeat(MAX_LINK_CHARS + 1))).toMatch(/far longer/);
    expect(await error(await payloadOf({ ...request, v: 2 }))).toMatch(/v:/);
    expect(await error(await payloadOf({ ...request, tests: ['seated', 'seated'] }))).toMatch(/listed twice/);
    expect(await error(await payloadOf({ ...request, tests: ['javascript:alert(1)'] }))).toMatch(/tests/);
    expect(await error(await payloadOf({ ...request, key: 'x' }))).toMatch(/P-256/);
    expect(await error(await payloadOf({ ...request, instructions: 'a'.repeat(1001) }))).toMatch(
      /instructions/,
    );
    expect(await error(await payloadOf([request]))).toMatch(/not a goniocam/);
  });

  it('stops inflating a small link that unpacks into megabytes (a zip bomb)', async () => {
    const bomb = await payloadOf({ ...request, instructions: ' '.repeat(5_000_000) });
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    expect(await error(bomb)).toMatch(/does not unpack/);
  });

  it('never throws on any fragment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (s) => {
        const r = await decodeScreeningRequest(s);
        return r.ok === false && r.error.length > 0;
      }),
      { numRuns: 200 },
    );
  });
});
