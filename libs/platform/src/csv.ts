export type CsvValue = string | number | null;

/**
 * One CSV cell. Spreadsheet programs run text cells that start with = + - @ (or a tab or
 * carriage return) as formulas; session titles and booth names are typed by people, so such
 * cells get a leading apostrophe. Numbers are written as they are.
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 lines (CRLF) with a byte-order mark, so spreadsheet programs read UTF-8. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
