import { routeOrder, type RoutableLine } from './supplier-routing';

const line = (sku: string, ordered = 1, shipped = 0, cancelled = 0): RoutableLine => ({
  sku,
  quantityOrdered: ordered,
  quantityShipped: shipped,
  quantityCancelled: cancelled,
});
const names = (id: string) => ({ s1: 'Acme', s2: 'Beta' })[id] ?? id;

describe('routeOrder', () => {
  const map = [
    { sku: 'A', supplierId: 's1', accountId: null },
    { sku: 'B', supplierId: 's2', accountId: null },
    { sku: 'B', supplierId: 's1', accountId: 'acc-1' },
  ];

  it('routes an order whose every open line maps to one supplier', () => {
    expect(routeOrder([line('A'), line('A', 2)], map, 'acc-9', names)).toEqual({ supplierId: 's1' });
  });

  it("prefers the account's own mapping to the any-account one", () => {
    expect(routeOrder([line('A'), line('B')], map, 'acc-1', names)).toEqual({ supplierId: 's1' });
    expect(routeOrder([line('B')], map, 'acc-9', names)).toEqual({ supplierId: 's2' });
  });

  it('names both suppliers and their SKUs for a mixed order', () => {
    expect(routeOrder([line('A'), line('B')], map, 'acc-9', names)).toEqual({
      supplierId: null,
      reason: 'its lines go to 2 suppliers: Acme (A) and Beta (B); split it or ship it yourself.',
    });
  });

  it('names the SKUs no supplier ships, and ignores lines already shipped or cancelled', () => {
    expect(routeOrder([line('A'), line('Z'), line('Z')], map, 'acc-9', names)).toEqual({
      supplierId: null,
      reason: 'no supplier ships SKU Z.',
    });
    expect(routeOrder([line('A'), line('Z', 1, 1), line('B', 2, 0, 2)], map, 'acc-9', names)).toEqual({
      supplierId: 's1',
    });
    expect(routeOrder([line('A', 1, 1)], map, 'acc-9', names)).toEqual({
      supplierId: null,
      reason: 'nothing is left to ship on it.',
    });
  });
});
