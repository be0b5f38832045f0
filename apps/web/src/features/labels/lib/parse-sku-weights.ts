export interface SkuWeightRow {
  sku: string;
  /** Ounces per unit; null removes the SKU's weight. */
  weightOz: number | null;
}

/**
 * "SKU, weight in oz" per line, as pasted from a spreadsheet (comma, semicolon or tab); a header row is skipped and an
 * empty weight removes the SKU's. Returns the rows, or the first problem by line number in words.
 */
export function parseSkuWeights(text: string): { rows: SkuWeightRow[] } | { error: string } {
  const rows: SkuWeightRow[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    if (!raw.trim()) continue;
    const [sku = '', weight = '', ...rest] = raw.split(/[,;\t]/).map((cell) => cell.trim());
    if (index === 0 && sku.toLowerCase() === 'sku' && /^weight/i.test(weight)) continue;
    const line = `Line ${index + 1}`;
    if (!sku) return { error: `${line}: the SKU is missing.` };
    if (rest.some(Boolean)) return { error: `${line}: expected “SKU, weight in oz”, found more columns.` };
    if (weight === '') {
      rows.push({ sku, weightOz: null });
      continue;
    }
    const ounces = Number(weight);
    if (!Number.isFinite(ounces) || ounces <= 0)
      return { error: `${line}: the weight must be a number of ounces above 0, found “${weight}”.` };
    rows.push({ sku, weightOz: ounces });
  }
  if (rows.length === 0) return { error: 'Nothing to save: write one “SKU, weight in oz” per line.' };
  if (rows.length > 1000) return { error: 'At most 1000 SKUs at a time.' };
  return { rows };
}
