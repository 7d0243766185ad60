import { describe, expect, it } from 'vitest';
import { hipRecord } from '../../testing/report_fixtures';
import { fromBase64url, toBase64url, utf8 } from './bytes';
import {
  exportPublicKey,
  fingerprint,
  generateTrainerKeys,
  importPublicKey,
  MAX_SEALED_BYTES,
  openSealed,
  sealForTrainer,
} from './screening_crypto';
import { openReply, sealReply } from './screening_reply';

const trainer = await generateTrainerKeys();
const trainerKey = await exportPublicKey(trainer.publicKey);
const message = utf8('{"hello":"trainer"}');

/** Flip one bit of one field of a sealed file. */
function tamper(sealed: string, field: 'ct' | 'iv' | 'epk' | 'salt', at = 3): string {
  const j = JSON.parse(sealed) as Record<string, string>;
  const b = fromBase64url(j[field]!)!;
  b[at] = b[at]! ^ 1;
  return JSON.stringify({ ...j, [field]: toBase64url(b) });
}

describe('screening crypto', () => {
  it('keeps the private key non-extractable', async () => {
    expect(trainer.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', trainer.privateKey)).rejects.toThrow();
    expect(trainerKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
  });

  it('round trips: only the trainer opens it, and gets the bytes back', async () => {
    const sealed = await sealForTrainer(message, trainerKey);
    expect(sealed).not.toContain('hello');
    const opened = await openSealed(sealed, trainer);
    expect(opened).toEqual({ ok: true, plaintext: message });
    // A fresh ephemeral key, salt and IV every time: two seals of the same bytes differ.
    expect(await sealForTrainer(message, trainerKey)).not.toBe(sealed);
  });

  it('refuses another trainer, naming both fingerprints', async () => {
    const other = await generateTrainerKeys();
    const sealed = await sealForTrainer(message, trainerKey);
    const r = await openSealed(sealed, other);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(await fingerprint(trainerKey));
      expect(r.error).toContain(await fingerprint(await exportPublicKey(other.publicKey)));
    }
    // Relabelled to the other trainer's fingerprint, the AES key still does not match.
    const relabelled = JSON.stringify({
      ...JSON.parse(sealed),
      to: await fingerprint(await exportPublicKey(other.publicKey)),
    });
    expect((await openSealed(relabelled, other)).ok).toBe(false);
  });

  it('detects any change to the ciphertext, the IV, the salt or the ephemeral key', async () => {
    const sealed = await sealForTrainer(message, trainerKey);
    for (const field of ['ct', 'iv', 'salt'] as const) {
      const r = await openSealed(tamper(sealed, field), trainer);
      expect(r.ok, field).toBe(false);
    }
    // A changed point is usually not on the curve at all; either way it must not open.
    expect((await openSealed(tamper(sealed, 'epk', 40), trainer)).ok).toBe(false);
    const j = JSON.parse(sealed) as Record<string, string>;
    expect((await openSealed(JSON.stringify({ ...j, ct: j.ct!.slice(0, -4) }), trainer)).ok).toBe(false);
  });

  it('refuses what is not a sealed file, with a message', async () => {
    for (const bad of [
      '',
      'null',
      '[]',
      '{"format":"goniocam-sealed/1"}',
      'x'.repeat(MAX_SEALED_BYTES + 1),
    ]) {
      const r = await openSealed(bad, trainer);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
    }
  });

  it('imports only P-256 public points', async () => {
    expect(await importPublicKey(trainerKey)).not.toBeNull();
    expect(await importPublicKey('AAAA')).toBeNull();
    expect(await importPublicKey(trainerKey.replace(/^./, 'A'))).toBeNull(); // not 0x04 uncompressed
    await expect(sealForTrainer(message, 'not-a-key')).rejects.toThrow(/not a valid P-256/);
  });

  it('gives a short, stable fingerprint', async () => {
    const f = await fingerprint(trainerKey);
    expect(f).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
    expect(await fingerprint(trainerKey)).toBe(f);
  });
});

describe('screening reply', () => {
  const records = [hipRecord('seated', { client: 'Sam' }), hipRecord('prone', { client: 'Sam', id: 'p' })];

  it('round trips the records of a client, identical values', async () => {
    const file = await sealReply({ client: 'Sam', records }, trainerKey);
    const r = await openReply(file, trainer);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.reply.client).toBe('Sam');
      expect(r.reply.records).toEqual(JSON.parse(JSON.stringify(records)));
    }
  });

  it('validates the reports inside a correctly sealed file like any import', async () => {
    const bad = { ...records[0]!, outcome: { kind: 'hip', result: 'x' } } as never;
    const r = await openReply(await sealReply({ client: 'Sam', records: [bad] }, trainerKey), trainer);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^Report 1 in the file: .*damaged or was altered/);
    const none = await openReply(await sealReply({ client: 'Sam', records: [] }, trainerKey), trainer);
    expect(none.ok).toBe(false);
  });
});
