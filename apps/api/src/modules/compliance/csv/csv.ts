/** One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, with quotes doubled; null is empty. */
export function csvField(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: the header row, then one line per row, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly Parameters<typeof csvField>[0][])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
