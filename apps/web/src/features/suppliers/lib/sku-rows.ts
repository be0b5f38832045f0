/** One row of the SKU editor: a SKU and the account it applies to ('' = any account). */
export interface SkuRow {
  sku: string;
  accountId: string;
}

export interface SkuInput {
  sku: string;
  accountId: string | null;
}

/** The rows as setSupplierSkus takes them, or the first problem in words (row numbers count from 1). */
export function checkSkuRows(
  rows: readonly SkuRow[],
): { skus: SkuInput[]; error: null } | { skus: null; error: string } {
  const seen = new Map<string, number>();
  const skus: SkuInput[] = [];
  for (const [index, row] of rows.entries()) {
    const sku = row.sku.trim();
    if (sku === '') {
      if (row.accountId === '') continue; // a blank row left at the end
      return { skus: null, error: `Row ${index + 1}: enter the SKU.` };
    }
    const key = `${sku.toLowerCase()}|${row.accountId}`;
    const first = seen.get(key);
    if (first !== undefined) return { skus: null, error: `Row ${index + 1}: ${sku} is already on row ${first + 1}.` };
    seen.set(key, index);
    skus.push({ sku, accountId: row.accountId || null });
  }
  return { skus, error: null };
}

/** Pasted text (one SKU per line, or comma-separated) as rows for any account. */
export function rowsFromText(text: string): SkuRow[] {
  return text
    .split(/[\n,;\t]+/)
    .map((sku) => sku.trim())
    .filter(Boolean)
    .map((sku) => ({ sku, accountId: '' }));
}
