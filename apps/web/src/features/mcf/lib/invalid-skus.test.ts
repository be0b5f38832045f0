import { invalidSkus, skuMapPath } from './invalid-skus';

test('finds the SKUs the preview called InvalidSKU, once each, and no others', () => {
  const reason =
    'Amazon cannot fulfil it with Amazon Logistics blocked and a blank box: MUG-1: InvalidSKU; TEE-2: InventoryUnavailable; MUG-1: InvalidSKU; CAP/3: InvalidSKU.';
  expect(invalidSkus(reason)).toEqual(['MUG-1', 'CAP/3']);
  expect(invalidSkus('Too slow: at Priority Amazon would deliver by …')).toEqual([]);
  expect(invalidSkus(null)).toEqual([]);
});

test('links to the SKU map with the SKU and account filled in', () => {
  expect(skuMapPath('MUG 1&2', 'acc-1')).toBe('/settings/mcf-skus?sku=MUG+1%262&account=acc-1');
  expect(skuMapPath('MUG-1')).toBe('/settings/mcf-skus?sku=MUG-1');
});
