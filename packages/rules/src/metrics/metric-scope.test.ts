import { countsInSellerMetrics, excludedFromSellerMetrics, SELLER_METRIC_SCOPE } from './metric-scope';

describe('which Walmart orders the seller metrics count', () => {
  it('each decision names its source', () => {
    for (const rule of SELLER_METRIC_SCOPE) expect(rule.source.length).toBeGreaterThan(40);
  });

  it.each([
    [{ fulfillmentMethod: 'MERCHANT', shipNodeType: '3PLFulfilled' }, true],
    [{ fulfillmentMethod: 'MERCHANT', orderType: 'REPLACEMENT' }, true],
    [{ fulfillmentMethod: 'MERCHANT', shipNodeType: 'SellerFulfilled', orderType: 'REGULAR' }, true],
    [{ fulfillmentMethod: 'MCF' }, true],
    [{ fulfillmentMethod: 'MERCHANT', shipNodeType: 'WFSFulfilled' }, false],
    [{ fulfillmentMethod: 'CHANNEL' }, false],
  ] as const)('%p counts: %p', (order, counts) => {
    expect(countsInSellerMetrics(order)).toBe(counts);
  });

  it('lists what the SQL leaves out', () => {
    expect([excludedFromSellerMetrics('shipNodeType'), excludedFromSellerMetrics('orderType')]).toEqual([
      ['WFSFulfilled'],
      [],
    ]);
  });
});
