// Importing clients' .goniocam files: each file on its own (one bad file does not stop the others), each
// size-checked before it is read, opened with the trainer's key, restored like any report, and only then
// stored, in one transaction per file, so a refused file leaves the store exactly as it was.
import { MAX_SEALED_BYTES } from '../../lib/report/screening_crypto';
import { openReply } from '../../lib/report/screening_reply';
import type { SessionRecord } from '../../lib/report/session_record';

export interface ImportOutcome {
  readonly file: string;
  readonly ok: boolean;
  /** What happened, in words (shown as text). */
  readonly message: string;
}

export interface ImportTarget {
  importClientRecords(records: readonly SessionRecord[], importedAt: Date): Promise<void>;
}

export async function importFiles(
  files: readonly File[],
  keys: CryptoKeyPair,
  target: ImportTarget,
  now: () => Date,
): Promise<ImportOutcome[]> {
  const out: ImportOutcome[] = [];
  for (const f of files) out.push(await importOne(f, keys, target, now));
  return out;
}

async function importOne(
  f: File,
  keys: CryptoKeyPair,
  target: ImportTarget,
  now: () => Date,
): Promise<ImportOutcome> {
  const file = f.name.slice(0, 120);
  if (f.size > MAX_SEALED_BYTES)
    return { file, ok: false, message: `too large for a goniocam reply (${(f.size / 1e6).toFixed(1)} MB).` };
  if (f.size === 0) return { file, ok: false, message: 'the file is empty.' };
  const opened = await openReply(await f.text(), keys);
  if (!opened.ok) return { file, ok: false, message: opened.error };
  const { client, records } = opened.reply;
  // The reply's label is the one the trainer's link set; every record is filed under it.
  const filed = records.map((r) => ({ ...r, client: { label: client } }));
  try {
    await target.importClientRecords(filed, now());
  } catch (e) {
    return { file, ok: false, message: `could not be stored on this device (${String(e)}).` };
  }
  return {
    file,
    ok: true,
    message: `${records.length} report${records.length > 1 ? 's' : ''} from ${client} imported.`,
  };
}
