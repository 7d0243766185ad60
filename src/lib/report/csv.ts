// CSV cells for files people open in a spreadsheet. Text from a report can come from someone else's device
// (a screening client's label), so a cell that starts like a formula is defused (OWASP "CSV injection"):
// prefixed with an apostrophe. Numbers are written as numbers. Pure.

export type Cell = string | number | boolean | null;

export function csvCell(x: Cell): string {
  if (x === null) return '';
  if (typeof x === 'number') return Number.isFinite(x) ? String(Math.round(x * 1000) / 1000) : '';
  if (typeof x === 'boolean') return x ? 'true' : 'false';
  const s = /^[=+\-@\t\r]/.test(x) ? `'${x}` : x;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRows(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';
}
