import { parseSkuWeights } from './parse-sku-weights';

test('rows from a pasted sheet: header skipped, separators mixed, an empty weight removes it', () => {
  expect(parseSkuWeights('sku,weight oz\nA-1, 12\nB-2;8.5\r\n\nC-3\t\n')).toEqual({
    rows: [
      { sku: 'A-1', weightOz: 12 },
      { sku: 'B-2', weightOz: 8.5 },
      { sku: 'C-3', weightOz: null },
    ],
  });
});

test.each([
  ['', 'Nothing to save: write one “SKU, weight in oz” per line.'],
  [',12', 'Line 1: the SKU is missing.'],
  ['A-1,12\nB-2,heavy', 'Line 2: the weight must be a number of ounces above 0, found “heavy”.'],
  ['A-1,0', 'Line 1: the weight must be a number of ounces above 0, found “0”.'],
  ['A-1,12,box', 'Line 1: expected “SKU, weight in oz”, found more columns.'],
  [Array.from({ length: 1001 }, (_, i) => `S${i},1`).join('\n'), 'At most 1000 SKUs at a time.'],
])('%j → %s', (text, error) => {
  expect(parseSkuWeights(text)).toEqual({ error });
});
