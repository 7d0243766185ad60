// What a screening client sends back: the records of the tests they did, for one client label, deflated
// and sealed to the trainer's key (screening_crypto.ts) as a .goniocam file. Opening one goes through the
// same restore as every other report, so a sealed file is no more trusted than a plain one. Pure apart
// from WebCrypto / CompressionStream.
import { deflate, fromUtf8, inflate, utf8 } from './bytes';
import { restoreReport } from './report_restore';
import { openSealed, sealForTrainer } from './screening_crypto';
import type { SessionRecord } from './session_record';

export const REPLY_FORMAT = 'goniocam-reply/1';
/** Inflated ceiling: a reply holds at most a few reports of at most a few hundred kB each. */
export const MAX_REPLY_BYTES = 8 * 1024 * 1024;
export const MAX_REPLY_RECORDS = 20;

export interface Reply {
  readonly client: string;
  readonly records: readonly SessionRecord[];
}

export async function sealReply(reply: Reply, trainerKeyB64: string): Promise<string> {
  const json = JSON.stringify({ format: REPLY_FORMAT, client: reply.client, records: reply.records });
  return sealForTrainer(await deflate(utf8(json)), trainerKeyB64);
}

export type OpenedReply = { ok: true; reply: Reply } | { ok: false; error: string };

export async function openReply(text: string, trainer: CryptoKeyPair): Promise<OpenedReply> {
  const opened = await openSealed(text, trainer);
  if (!opened.ok) return opened;
  const raw = await inflate(opened.plaintext, MAX_REPLY_BYTES);
  if (!raw) return { ok: false, error: 'The reply inside the file is damaged or too large.' };
  let j: unknown;
  try {
    j = JSON.parse(fromUtf8(raw));
  } catch {
    return { ok: false, error: 'The reply inside the file is not valid JSON.' };
  }
  const o = (typeof j === 'object' && j !== null ? j : {}) as Record<string, unknown>;
  if (o.format !== REPLY_FORMAT || typeof o.client !== 'string' || !Array.isArray(o.records))
    return { ok: false, error: 'The file does not hold a goniocam screening reply.' };
  if (o.records.length === 0 || o.records.length > MAX_REPLY_RECORDS)
    return {
      ok: false,
      error: `A reply holds 1 to ${MAX_REPLY_RECORDS} reports; this one holds ${o.records.length}.`,
    };
  const records: SessionRecord[] = [];
  for (const [i, r] of o.records.entries()) {
    const restored = restoreReport(r);
    if (!restored.ok) return { ok: false, error: `Report ${i + 1} in the file: ${restored.error}` };
    records.push(restored.record);
  }
  const client = o.client.trim().slice(0, 100);
  if (!client) return { ok: false, error: 'The reply names no client.' };
  return { ok: true, reply: { client, records } };
}
