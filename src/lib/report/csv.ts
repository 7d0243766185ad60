// RFC 4180 CSV: fields quoted only when they hold a comma, a quote or a line break (quotes doubled), records
// ended with CRLF; missing and non-finite numbers are empty fields, never "NaN". Pure.

export type CsvCell = string | number | boolean | null | undefined;

export function csvField(x: CsvCell): string {
  if (x === null || x === undefined) return '';
  if (typeof x === 'number') return Number.isFinite(x) ? String(x) : '';
  if (typeof x === 'boolean') return x ? 'true' : 'false';
  return /[",\r\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x;
}

export function csvDocument(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

/** Rounded to `digits` decimals without float noise or negative zero; null for missing or non-finite. */
export function round(x: number | null | undefined, digits: number): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
}
