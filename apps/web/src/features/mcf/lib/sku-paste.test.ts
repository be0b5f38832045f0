import { parseSkuPaste } from './sku-paste';

test('reads tab, comma and semicolon separated lines, skipping a header and blank lines', () => {
  const text = 'Walmart SKU\tAmazon SKU\nMUG-1\tAMZ-MUG-1\n\n"TEE-2", AMZ-TEE-2\r\nCAP-3;AMZ-CAP-3\n';
  expect(parseSkuPaste(text)).toEqual({
    rows: [
      { sellerSku: 'MUG-1', amazonSku: 'AMZ-MUG-1' },
      { sellerSku: 'TEE-2', amazonSku: 'AMZ-TEE-2' },
      { sellerSku: 'CAP-3', amazonSku: 'AMZ-CAP-3' },
    ],
    problems: [],
  });
});

test('names the lines that do not hold two SKUs', () => {
  expect(parseSkuPaste('MUG-1\nA,B,C\nOK-1,AMZ-1')).toEqual({
    rows: [{ sellerSku: 'OK-1', amazonSku: 'AMZ-1' }],
    problems: ['Line 1: expected "Walmart SKU, Amazon SKU".', 'Line 2: expected "Walmart SKU, Amazon SKU".'],
  });
});
