import { officialExamples } from '@order-hub/contracts';
import { mapAmazonOrder } from 'src/modules/channels/amazon/amazon-order.mapper';
import type { AmazonOrder } from 'src/modules/channels/amazon/amazon-order.types';
import { mapWalmartOrder } from 'src/modules/channels/walmart/walmart-order.mapper';
import type { WalmartOrder } from 'src/modules/channels/walmart/walmart-order.types';

const official = (api: 'amazon' | 'walmart', operationId: string, name: string): any =>
  officialExamples({ api, operationId, kind: 'response' }).find((e) => e.name === name)!.body;
const amazonExample = (): AmazonOrder => official('amazon', 'searchOrders', 'examples.application/json').orders[0];
const walmartSample = (): WalmartOrder =>
  official('walmart', 'getAnOrder', 'samples/get_order_response_200_ORDER.json').order;

describe('carrier events the channels report on their packages', () => {
  it.each([
    ['IN_TRANSIT', [{ type: 'SCANNED', at: null, description: 'Amazon package status IN_TRANSIT (no time given)' }]],
    ['DELIVERED', [{ type: 'DELIVERED', at: null, description: 'Amazon package status DELIVERED (no time given)' }]],
    ['SHIPPED', []],
  ])(
    'Amazon package status %s: stamped with no time of its own, never the order’s lastUpdatedTime',
    (status, events) => {
      const order = amazonExample();
      const mapped = mapAmazonOrder({
        ...order,
        packages: order.packages!.map((p) => ({ ...p, packageStatus: { status } })),
      });
      expect(mapped.shipments.map((s) => s.events)).toEqual([events]);
    },
  );

  it('Walmart: a Delivered line bucket is a DELIVERED event at the line’s statusDate; Shipped is none', () => {
    const po = walmartSample();
    expect(mapWalmartOrder(po).shipments.map((s) => s.events)).toEqual([undefined]);
    const line = po.orderLines.orderLine[0];
    const delivered: WalmartOrder = {
      ...po,
      orderLines: {
        orderLine: [
          {
            ...line,
            statusDate: 1_700_000_000_000,
            orderLineStatuses: {
              orderLineStatus: line.orderLineStatuses.orderLineStatus.map((s) => ({
                ...s,
                status: 'Delivered' as const,
              })),
            },
          },
        ],
      },
    };
    expect(mapWalmartOrder(delivered).shipments.map((s) => s.events)).toEqual([
      [{ type: 'DELIVERED', at: new Date(1_700_000_000_000), description: 'Walmart line status Delivered' }],
    ]);
    // Refunded since: the statusDate dates the refund, so the delivery keeps no time rather than a later one.
    const refundCharge = {
      refundReason: 'DamagedItem',
      charge: { chargeType: 'PRODUCT', chargeName: 'ItemPrice', chargeAmount: { currency: 'USD', amount: -5 } },
    };
    const refunded: WalmartOrder = {
      ...delivered,
      orderLines: {
        orderLine: [
          { ...delivered.orderLines.orderLine[0], refund: { refundCharges: { refundCharge: [refundCharge] } } },
        ],
      },
    };
    expect(mapWalmartOrder(refunded).shipments.map((s) => s.events)).toEqual([
      [
        {
          type: 'DELIVERED',
          at: null,
          description: 'Walmart line status Delivered (time not given: the line changed since)',
        },
      ],
    ]);
  });
});
