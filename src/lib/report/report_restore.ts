// The one way into the app for a report that was not just made here: an imported file, a decrypted
// screening reply, a record read back from IndexedDB. Like excalidraw's restore: measure the text, parse it,
// bring an older format up to the current one with pure migrations, then validate it against the schema.
// Every failure is a sentence for the person, never a throw.
import * as v from 'valibot';
import { ReportSchema } from './report_schema';
import { REPORT_FORMAT, type SessionRecord } from './session_record';

/** A report is a few hundred kB at most (2000 curve points, 100 trials); 4 MB leaves room and stops abuse. */
export const MAX_REPORT_BYTES = 4 * 1024 * 1024;
/** The deepest the schema nests is 8; anything far deeper is not a report. */
export const MAX_REPORT_DEPTH = 32;

export type Restored = { ok: true; record: SessionRecord } | { ok: false; error: string };

/**
 * Older formats, oldest first: each step turns format N into N + 1. goniocam-report/1 is the first format,
 * so the list is empty; a change to the record adds a step here (and a test with a file of the old format).
 */
export interface Migration {
  readonly from: string;
  readonly to: string;
  readonly up: (old: Record<string, unknown>) => unknown;
}
export const MIGRATIONS: readonly Migration[] = [];

/** Text (a file's contents) → a validated record, or why not. */
export function restoreReportText(text: string): Restored {
  if (text.length > MAX_REPORT_BYTES)
    return {
      ok: false,
      error: `The file is too large for a goniocam report (${mb(text.length)} MB; at most ${mb(MAX_REPORT_BYTES)} MB).`,
    };
  const depth = jsonDepth(text);
  if (depth > MAX_REPORT_DEPTH)
    return {
      ok: false,
      error: `This is not a goniocam report: it nests ${depth} levels deep (a report nests at most ${MAX_REPORT_DEPTH}).`,
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This is not a goniocam report: it is not valid JSON.' };
  }
  return restoreReport(json);
}

/** A parsed value → a validated record (migrated from an older format first), or why not. */
export function restoreReport(json: unknown, migrations: readonly Migration[] = MIGRATIONS): Restored {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, error: 'This is not a goniocam report: expected an object.' };
  let value = json as Record<string, unknown>;
  const format = value.format;
  if (typeof format !== 'string' || !format.startsWith('goniocam-report/'))
    return { ok: false, error: `This is not a goniocam report (format ${describe(format)}).` };
  for (const m of migrations) {
    if (value.format !== m.from) continue;
    const up = m.up(value);
    if (typeof up !== 'object' || up === null || Array.isArray(up))
      return { ok: false, error: `Could not bring a ${m.from} report up to date.` };
    value = up as Record<string, unknown>;
  }
  if (value.format !== REPORT_FORMAT) {
    const newer = version(format) > version(REPORT_FORMAT);
    return {
      ok: false,
      error: newer
        ? `This report's format (${describe(format)}) is newer than this goniocam understands (${REPORT_FORMAT}). Update the app.`
        : `This report's format (${describe(format)}) is not one this goniocam can read.`,
    };
  }
  const parsed = v.safeParse(ReportSchema, value);
  if (!parsed.success) {
    // valibot quotes the value it received: an untrusted string, so only its start is kept.
    const problems = parsed.issues
      .slice(0, 3)
      .map((i) => clip(`${v.getDotPath(i) ?? '(root)'}: ${i.message}`, 160));
    return { ok: false, error: `This goniocam report is damaged or was altered: ${problems.join('; ')}.` };
  }
  const record: SessionRecord = parsed.output;
  return { ok: true, record };
}

/** How deeply brackets nest in a JSON text (outside strings), counted without parsing. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** 'goniocam-report/12' → 12; anything else → NaN (compares false both ways). */
const version = (f: string): number => Number(/^goniocam-report\/(\d{1,6})$/.exec(f)?.[1] ?? NaN);

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function describe(x: unknown): string {
  if (typeof x !== 'string') return x === undefined ? 'missing' : `a ${typeof x}`;
  // Only a short, printable excerpt of untrusted text goes into the message.
  const s = x.replace(/[^\x20-\x7e]/g, '?').slice(0, 40);
  return `"${s}${x.length > 40 ? '…' : ''}"`;
}
