import { describe, expect, it } from 'vitest';
import { hipRecord } from '../../testing/report_fixtures';
import { MAX_SEALED_BYTES, exportPublicKey, generateTrainerKeys } from '../../lib/report/screening_crypto';
import { sealReply } from '../../lib/report/screening_reply';
import type { SessionRecord } from '../../lib/report/session_record';
import { importFiles } from './trainer_import';

const keys = await generateTrainerKeys();
const pub = await exportPublicKey(keys.publicKey);
const now = () => new Date('2026-11-25T12:00:00Z');

/** A real in-memory store: what was imported, per call. */
function memory() {
  const calls: SessionRecord[][] = [];
  return { calls, importClientRecords: async (r: readonly SessionRecord[]) => void calls.push([...r]) };
}

describe('importFiles', () => {
  it('imports good files and refuses bad ones, each with its own message, storing only the good', async () => {
    const good = new File([await sealReply({ client: 'Ana', records: [hipRecord()] }, pub)], 'ana.goniocam');
    const other = await generateTrainerKeys();
    const notMine = new File(
      [await sealReply({ client: 'Ben', records: [hipRecord()] }, await exportPublicKey(other.publicKey))],
      'ben.goniocam',
    );
    const hostile = new File(['<script>alert(1)</script>'], 'x.goniocam');
    const empty = new File([], 'empty.goniocam');
    const plain = new File(
      [JSON.stringify({ ...hipRecord(), client: { label: '<img src=x onerror=alert(1)>' } })],
      'plain.json',
    );
    const huge = new File([new Uint8Array(MAX_SEALED_BYTES + 1)], 'huge.goniocam');
    const store = memory();
    const out = await importFiles([good, notMine, hostile, empty, plain, huge], keys, store, now);
    expect(out.map((o) => o.ok)).toEqual([true, false, false, false, false, false]);
    expect(out[0]!.message).toBe('1 report from Ana imported.');
    expect(out[1]!.message).toMatch(/another trainer's key/);
    expect(out[2]!.message).toMatch(/not a sealed goniocam file/);
    expect(out[3]!.message).toMatch(/empty/);
    expect(out[4]!.message).toMatch(/plain goniocam report, not a reply sealed to your key/);
    expect(out[5]!.message).toMatch(/Too large for a goniocam reply \(6\.0 MB/);
    for (const o of out.slice(1)) expect(o.message).toMatch(/Nothing from this file was stored\.$/);
    expect(store.calls).toHaveLength(1);
    expect(store.calls[0]![0]!.client).toEqual({ label: 'Ana' });
  });
});
