import { checkSkuRows, rowsFromText } from './sku-rows';

test('rows become the input; blank rows are left out and "any account" is null', () => {
  expect(
    checkSkuRows([
      { sku: ' TOY-1 ', accountId: '' },
      { sku: 'TOY-1', accountId: 'acc-w' },
      { sku: '', accountId: '' },
    ]),
  ).toEqual({
    error: null,
    skus: [
      { sku: 'TOY-1', accountId: null },
      { sku: 'TOY-1', accountId: 'acc-w' },
    ],
  });
});

test('a repeated SKU or a row without one is named by its row', () => {
  expect(
    checkSkuRows([
      { sku: 'a', accountId: '' },
      { sku: 'A', accountId: '' },
    ]).error,
  ).toBe('Row 2: A is already on row 1.');
  expect(checkSkuRows([{ sku: '', accountId: 'acc-w' }]).error).toBe('Row 1: enter the SKU.');
});

test('pasted SKUs become rows', () => {
  expect(rowsFromText('TOY-1\nTOY-2, TOY-3\n')).toEqual([
    { sku: 'TOY-1', accountId: '' },
    { sku: 'TOY-2', accountId: '' },
    { sku: 'TOY-3', accountId: '' },
  ]);
});
