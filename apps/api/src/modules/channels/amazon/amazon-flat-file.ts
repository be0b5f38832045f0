/** One row of an Amazon flat-file report, read by header name. */
export type FlatFileRow = Map<string, string>;

export interface FlatFile {
  /** The header names as Amazon wrote them. */
  headers: string[];
  rows: { line: number; values: FlatFileRow }[];
}

/** Header names compare without case and surrounding space: Amazon has changed capitalisation between versions. */
export const headerKey = (name: string) => name.trim().toLowerCase();

const unquote = (value: string) => {
  const v = value.trim();
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1).replace(/""/g, '"') : v;
};

/**
 * A tab-separated flat file (first line = headers), each row keyed by header name so column order and unknown
 * columns do not matter. Blank lines are skipped; a short row reads its missing trailing cells as empty. Pure.
 */
export function parseFlatFile(text: string): FlatFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headers = (lines[0] ?? '').split('\t').map(unquote);
  const keys = headers.map(headerKey);
  const rows: FlatFile['rows'] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    const cells = lines[i].split('\t');
    rows.push({ line: i + 1, values: new Map(keys.map((k, c) => [k, unquote(cells[c] ?? '')])) });
  }
  return { headers, rows };
}
