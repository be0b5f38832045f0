export interface PastedMapping {
  sellerSku: string;
  amazonSku: string;
}

/**
 * A pasted list, one mapping a line: the seller's (Walmart) SKU then the Amazon SKU, separated by a tab (a
 * spreadsheet's copy), a comma or a semicolon. A header line naming "sku" and blank lines are skipped; a line without
 * both SKUs is reported by its number.
 */
export function parseSkuPaste(text: string): { rows: PastedMapping[]; problems: string[] } {
  const rows: PastedMapping[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const cells = line.split(/\t|,|;/).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
    if (index === 0 && cells.some((cell) => /sku/i.test(cell)) && !cells.some((cell) => /\d/.test(cell))) return;
    const [sellerSku, amazonSku] = cells;
    if (!sellerSku || !amazonSku || cells.filter(Boolean).length > 2)
      problems.push(`Line ${index + 1}: expected "Walmart SKU, Amazon SKU".`);
    else rows.push({ sellerSku, amazonSku });
  });
  return { rows, problems };
}
