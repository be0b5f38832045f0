/** A text cell starting with one of these is read as a formula by spreadsheets (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, with quotes doubled; null is empty.
 * Text that a spreadsheet would run as a formula (`=HYPERLINK(…)` from a carrier name or a SKU category, `+…`,
 * `-…`, `@…`, or a leading tab or CR) is neutralised with a leading single quote, as OWASP recommends. Numbers,
 * booleans and dates are the hub's own values and stay as they are, so a negative number is still a number: the
 * writer tells them apart by type, and the hub writes every number it computes as a number, never as text.
 */
export function csvField(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: the header row, then one line per row, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly Parameters<typeof csvField>[0][])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
