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
  const refused = (why: string): ImportOutcome => ({ file, ok: false, message: `${why} ${NOTHING_STORED}` });
  if (f.size > MAX_SEALED_BYTES)
    return refused(
      `Too large for a goniocam reply (${mb(f.size)} MB; a reply is at most ${mb(MAX_SEALED_BYTES)} MB).`,
    );
  if (f.size === 0) return refused('The file is empty.');
  const text = await f.text();
  const opened = await openReply(text, keys);
  if (!opened.ok) return refused(isPlainReport(text) ? PLAIN_REPORT : opened.error);
  const { client, records } = opened.reply;
  // The reply's label is the one the trainer's link set; every record is filed under it.
  const filed = records.map((r) => ({ ...r, client: { label: client } }));
  try {
    await target.importClientRecords(filed, now());
  } catch (e) {
    return refused(`It could not be stored on this device (${String(e)}).`);
  }
  return {
    file,
    ok: true,
    message: `${records.length} report${records.length > 1 ? 's' : ''} from ${client} imported.`,
  };
}

const NOTHING_STORED = 'Nothing from this file was stored.';
const PLAIN_REPORT =
  'This is a plain goniocam report, not a reply sealed to your key, so nothing proves it was not changed on the way. Ask your client to open your screening link and use “Save results for my trainer”.';

/** A plain (unsealed) report export, told apart only to say so; it is refused like any other bad file. */
const isPlainReport = (text: string): boolean =>
  /^\s*\{[^]{0,200}?"format"\s*:\s*"goniocam-report\//.test(text.slice(0, 400));

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
