export interface BinRow {
  sku: string;
  bin: string;
}

/**
 * "SKU, bin" per line, as pasted from a spreadsheet (comma, semicolon or tab); a header row `sku,bin` is skipped and
 * an empty bin removes the SKU's. Returns the rows, or the first problem by line number.
 */
export function parseBins(text: string): { rows: BinRow[] } | { error: string } {
  const rows: BinRow[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    if (!raw.trim()) continue;
    const [sku = '', bin = '', ...rest] = raw.split(/[,;\t]/).map((c) => c.trim());
    if (index === 0 && sku.toLowerCase() === 'sku' && bin.toLowerCase() === 'bin') continue;
    if (!sku) return { error: `Line ${index + 1}: the SKU is missing.` };
    if (rest.some(Boolean)) return { error: `Line ${index + 1}: expected “SKU, bin”, found more columns.` };
    if (bin.length > 32) return { error: `Line ${index + 1}: the bin is longer than 32 characters.` };
    rows.push({ sku, bin });
  }
  if (rows.length === 0) return { error: 'Nothing to save: write one “SKU, bin” per line.' };
  if (rows.length > 1000) return { error: 'At most 1000 SKUs at a time.' };
  return { rows };
}
