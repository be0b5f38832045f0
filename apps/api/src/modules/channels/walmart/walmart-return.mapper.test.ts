import { officialExamples } from '@order-hub/contracts';
import { mapWalmartReturn, mapWalmartReturns } from './walmart-return.mapper';
import type { WalmartReturnOrder, WalmartReturnOrderLine, WalmartReturnsResponse } from './walmart-return.types';

const example = officialExamples({ api: 'walmart', model: 'returns', operationId: 'getReturns', kind: 'response' })[0]
  .body as WalmartReturnsResponse;
const officialReturn = example.returnOrders![0];

const EA = (n: number) => ({ measurementValue: n, unitOfMeasure: 'EACH' });
const usd = (n: number) => ({ currencyAmount: n, currencyUnit: 'USD' });

/** A plain one-line refund return as Walmart lists it, changed by `line`. */
function aReturn(
  line: Partial<WalmartReturnOrderLine> = {},
  extra: Partial<WalmartReturnOrder> = {},
): WalmartReturnOrder {
  return {
    returnOrderId: 'RMA-1',
    customerOrderId: 'C-1',
    returnType: 'REFUND',
    returnOrderDate: '2026-11-01T10:00:00.000Z',
    returnOrderLines: [
      {
        returnOrderLineNumber: 1,
        purchaseOrderId: 'PO-1',
        purchaseOrderLineNumber: 2,
        returnReason: 'DAMAGED',
        item: { sku: 'SKU-1', productName: 'Kettle' },
        charges: [
          {
            chargeCategory: 'PRODUCT',
            chargeName: 'ItemPrice',
            chargePerUnit: usd(20),
            isDiscount: false,
            isBillable: true,
            tax: [{ taxName: 'Tax1', taxPerUnit: usd(1.6) }],
          },
        ],
        quantity: EA(2),
        refundedQty: 0,
        currentTrackingStatuses: [{ status: 'INITIATED', statusTime: '2026-11-01T10:00:00.000Z', quantity: EA(2) }],
        ...line,
      },
    ],
    ...extra,
  };
}

describe("mapWalmartReturn on Walmart's own example", () => {
  it('maps the getReturns example: RMA, order, reason verbatim, money per unit, label, and the cancelled line closed', () => {
    const r = mapWalmartReturn(officialReturn);
    expect(r).toMatchObject({
      channel: 'WALMART',
      channelReturnId: '103738048909818825',
      customerOrderId: '1234567891234',
      channelOrderId: '4790210558890',
      requestedAt: new Date('2019-02-21T01:01:08.000Z'),
      // The latest status time Walmart gives (the COMPLETED buckets).
      updatedAt: new Date('2023-06-22T02:20:51.000Z'),
      returnType: 'REPLACEMENT',
      tracking: [{ carrier: 'FEDEX', trackingNumber: '785611449666' }],
      labelUrl:
        'https://i5.walmartimages.com/asr/0a0c7462-7a85-4d3d-b7cf-91738b6883d4_1.c2c4f7b05e1cfe67910134779aa7c571.png',
      claim: false,
      currency: 'USD',
      // The example's line carries a returnCancellationReason: what was not refunded will not be.
      status: 'CLOSED',
      raw: officialReturn,
    });
    expect(r.lines).toEqual([
      {
        returnLineNumber: '1',
        channelOrderId: '4790210558890',
        lineNumber: '1',
        sku: 'ANTL_GDL-0700',
        productName: 'Antlion Audio ModMic Wireless Attachable Boom Microphone',
        quantity: 3,
        quantityRefunded: 1,
        reasonCode: 'ARRIVED_LATE',
        status: 'CLOSED',
        // No DELIVERED bucket or event survives: the COMPLETED time is the latest receipt can have been.
        receivedAt: new Date('2023-06-22T02:20:51.000Z'),
        refundedAt: new Date('2023-06-22T02:20:51.000Z'),
        refundedBy: 'SELLER',
        unitPriceCents: 11995,
        unitTaxCents: 750,
        refundedCents: null,
      },
    ]);
  });

  it('maps the whole example page with nothing rejected', () => {
    expect(mapWalmartReturns(example.returnOrders!)).toMatchObject({ rejected: [], returns: [{}] });
  });
});

describe('Walmart return states', () => {
  it('is requested while only initiated, in transit once the label is scanned; no receipt yet', () => {
    expect(mapWalmartReturn(aReturn())).toMatchObject({ status: 'REQUESTED', lines: [{ receivedAt: null }] });
    const moving = mapWalmartReturn(
      aReturn({
        returnTrackingDetail: [
          { sequenceNo: 0, eventTag: 'RETURN_INITIATED', eventTime: '2026-11-01T10:00:00.000Z' },
          { sequenceNo: 1, eventTag: 'RETURN_IN_TRANSIT', eventTime: '2026-11-02T08:00:00.000Z' },
        ],
      }),
    );
    expect(moving).toMatchObject({ status: 'IN_TRANSIT', updatedAt: new Date('2026-11-02T08:00:00.000Z') });
    expect(moving.lines[0]).toMatchObject({ status: 'IN_TRANSIT', receivedAt: null, refundedBy: null });
  });

  it('is received from the DELIVERED time, even with one unit still on its way (the clock runs from the first)', () => {
    const r = mapWalmartReturn(
      aReturn({
        currentTrackingStatuses: [
          { status: 'INITIATED', statusTime: '2026-11-01T10:00:00.000Z', quantity: EA(1) },
          { status: 'DELIVERED', statusTime: '2026-11-04T15:30:00.000Z', quantity: EA(1) },
        ],
      }),
    );
    expect(r.status).toBe('RECEIVED');
    expect(r.lines[0]).toMatchObject({
      status: 'RECEIVED',
      receivedAt: new Date('2026-11-04T15:30:00.000Z'),
      quantityRefunded: 0,
      refundedAt: null,
      refundedBy: null,
    });
  });

  it('is refunded when refundedQty covers the quantity; who refunded comes from the refund channel', () => {
    const refunded = (refundChannel: string, extra: Partial<WalmartReturnOrderLine> = {}) =>
      mapWalmartReturn(
        aReturn({
          refundedQty: 2,
          refundChannel,
          currentTrackingStatuses: [
            {
              status: 'COMPLETED',
              statusTime: '2026-11-06T16:00:00.000Z',
              currentRefundStatus: 'REFUND_COMPLETED',
              quantity: EA(2),
            },
          ],
          returnTrackingDetail: [
            { sequenceNo: 2, eventTag: 'RETURN_DELIVERED', eventTime: '2026-11-04T15:30:00.000Z' },
          ],
          ...extra,
        }),
      );
    const byWalmart = refunded('WALMART_TRIGGERED_REFUND');
    expect(byWalmart.status).toBe('REFUNDED');
    expect(byWalmart.lines[0]).toMatchObject({
      status: 'REFUNDED',
      quantityRefunded: 2,
      // The DELIVERED bucket moved on to COMPLETED; the tracking event still says when it arrived.
      receivedAt: new Date('2026-11-04T15:30:00.000Z'),
      refundedAt: new Date('2026-11-06T16:00:00.000Z'),
      refundedBy: 'CHANNEL',
    });
    expect(refunded('SELLER_MANUAL_REFUND').lines[0].refundedBy).toBe('SELLER');
    expect(refunded('SELLER_AUTO_REFUND').lines[0].refundedBy).toBe('SELLER');
    // Walmart settling with the buyer itself (a keep-it) is not a refund it made in the seller's place.
    expect(refunded('WALMART_SETTLED_REFUND').lines[0].refundedBy).toBeNull();
    // Per-quantity channels: one unit Walmart had to refund is enough to count against the seller.
    expect(
      refunded('SELLER_MANUAL_REFUND', {
        refundChannels: [
          { refundChannelName: 'SELLER_MANUAL_REFUND', quantity: { measurementValue: 1 } },
          { refundChannelName: 'WALMART_TRIGGERED_REFUND', quantity: { measurementValue: 1 } },
        ],
      }).lines[0].refundedBy,
    ).toBe('CHANNEL');
  });

  it('keeps a partial refund received, and names no refunder while nothing is refunded', () => {
    const r = mapWalmartReturn(
      aReturn({
        refundedQty: 1,
        refundChannel: 'SELLER_MANUAL_REFUND',
        currentTrackingStatuses: [
          {
            status: 'COMPLETED',
            statusTime: '2026-11-05T09:00:00.000Z',
            currentRefundStatus: 'REFUND_COMPLETED',
            quantity: EA(1),
          },
          { status: 'DELIVERED', statusTime: '2026-11-04T15:30:00.000Z', quantity: EA(1) },
        ],
      }),
    );
    expect(r.lines[0]).toMatchObject({
      status: 'RECEIVED',
      quantityRefunded: 1,
      receivedAt: new Date('2026-11-04T15:30:00.000Z'),
      refundedAt: new Date('2026-11-05T09:00:00.000Z'),
      refundedBy: 'SELLER',
    });
    const notYet = mapWalmartReturn(aReturn({ refundChannel: 'SELLER_AUTO_REFUND' }));
    expect(notYet.lines[0].refundedBy).toBeNull();
  });

  it('counts REFUND_COMPLETED buckets when refundedQty is absent', () => {
    const r = mapWalmartReturn(
      aReturn({
        refundedQty: undefined,
        currentTrackingStatuses: [
          {
            status: 'COMPLETED',
            statusTime: '2026-11-05T09:00:00.000Z',
            currentRefundStatus: 'REFUND_COMPLETED',
            quantity: EA(2),
          },
        ],
      }),
    );
    expect(r.lines[0]).toMatchObject({ status: 'REFUNDED', quantityRefunded: 2 });
  });

  it('closes a cancelled return', () => {
    const r = mapWalmartReturn(aReturn({ returnCancellationReason: 'CUSTOMER_CANCELLED' }));
    expect(r).toMatchObject({ status: 'CLOSED', lines: [{ status: 'CLOSED' }] });
  });

  it('reads the superseded line-level status when currentTrackingStatuses is absent', () => {
    const r = mapWalmartReturn(
      aReturn({ currentTrackingStatuses: undefined, status: 'DELIVERED', statusTime: '2026-11-03T12:00:00.000Z' }),
    );
    expect(r.lines[0]).toMatchObject({ status: 'RECEIVED', receivedAt: new Date('2026-11-03T12:00:00.000Z') });
  });

  it('gives a multi-line return the status of its least advanced open line', () => {
    const base = aReturn().returnOrderLines![0];
    const r = mapWalmartReturn({
      ...aReturn(),
      returnOrderLines: [
        {
          ...base,
          currentTrackingStatuses: [{ status: 'DELIVERED', statusTime: '2026-11-04T00:00:00.000Z', quantity: EA(2) }],
        },
        { ...base, returnOrderLineNumber: 2, purchaseOrderId: 'PO-2', purchaseOrderLineNumber: 1 },
        {
          ...base,
          returnOrderLineNumber: 3,
          refundedQty: 2,
          refundChannel: 'SELLER_MANUAL_REFUND',
          currentTrackingStatuses: [
            {
              status: 'COMPLETED',
              statusTime: '2026-11-05T00:00:00.000Z',
              currentRefundStatus: 'REFUND_COMPLETED',
              quantity: EA(2),
            },
          ],
        },
      ],
    });
    expect(r.lines.map((l) => [l.returnLineNumber, l.channelOrderId, l.status])).toEqual([
      ['1', 'PO-1', 'RECEIVED'],
      ['2', 'PO-2', 'REQUESTED'],
      ['3', 'PO-1', 'REFUNDED'],
    ]);
    expect(r).toMatchObject({ status: 'REQUESTED', channelOrderId: 'PO-1' });
  });
});

describe('Walmart return money, labels and identifiers', () => {
  it('takes discounts off, leaves out charges that are not billable, and falls back to unitPrice without a PRODUCT charge', () => {
    const discounted = mapWalmartReturn(
      aReturn({
        charges: [
          {
            chargeCategory: 'PRODUCT',
            chargeName: 'ItemPrice',
            chargePerUnit: usd(20),
            tax: [{ taxName: 'Tax1', taxPerUnit: usd(1.6) }],
          },
          {
            chargeCategory: 'PRODUCT',
            chargeName: 'SubscriptionDiscount',
            isDiscount: true,
            chargePerUnit: usd(2),
            tax: [{ taxName: 'Tax1', taxPerUnit: usd(0.16) }],
          },
          { chargeCategory: 'PRODUCT', chargeName: 'Gift', isBillable: false, chargePerUnit: usd(5) },
          { chargeCategory: 'FEE', chargeName: 'Restocking', chargePerUnit: usd(3) },
        ],
      }),
    );
    expect(discounted.lines[0]).toMatchObject({ unitPriceCents: 1800, unitTaxCents: 144 });
    const bare = mapWalmartReturn(aReturn({ charges: [], unitPrice: usd(9.99) }));
    expect(bare.lines[0]).toMatchObject({ unitPriceCents: 999, unitTaxCents: null });
    const none = mapWalmartReturn(aReturn({ charges: undefined }));
    expect(none.lines[0]).toMatchObject({ unitPriceCents: null, unitTaxCents: null });
  });

  it('keeps each tracking number once and drops a label address that is not http(s)', () => {
    const r = mapWalmartReturn(
      aReturn(
        {},
        {
          returnLineGroups: [
            {
              groupNo: 1,
              labels: [
                {
                  labelImageURL: 'javascript:alert(1)',
                  carrierInfoList: [{ carrierName: 'USPS', trackingNo: '9400111899223197428490' }],
                },
              ],
            },
            {
              groupNo: 2,
              labels: [
                {
                  labelImageURL: 'https://example.walmart.com/label.png',
                  carrierInfoList: [
                    { carrierName: 'USPS', trackingNo: '9400111899223197428490' },
                    { trackingNo: '1Z999AA10123456784' },
                  ],
                },
              ],
            },
          ],
        },
      ),
    );
    expect(r.tracking).toEqual([
      { carrier: 'USPS', trackingNumber: '9400111899223197428490' },
      { carrier: null, trackingNumber: '1Z999AA10123456784' },
    ]);
    expect(r.labelUrl).toBe('https://example.walmart.com/label.png');
  });
});

describe('a Walmart return the hub cannot read', () => {
  const line = aReturn().returnOrderLines![0];
  const cases: [string, unknown, string][] = [
    ['no RMA', { ...aReturn(), returnOrderId: ' ' }, 'returnOrderId is missing'],
    ['a bad date', { ...aReturn(), returnOrderDate: 'yesterday' }, 'returnOrderDate is not an ISO 8601 date-time'],
    ['no lines', { ...aReturn(), returnOrderLines: [] }, 'returnOrderLines must list at least one returned line'],
    [
      'a line without its purchase order',
      aReturn({ purchaseOrderId: undefined }),
      'returnOrderLines[0].purchaseOrderId is missing',
    ],
    [
      'a line number that is not a number',
      aReturn({ returnOrderLineNumber: '1' as unknown as number }),
      'returnOrderLines[0].returnOrderLineNumber must be a whole number (got "1")',
    ],
    [
      'a repeated line number',
      { ...aReturn(), returnOrderLines: [line, line] },
      'returnOrderLines[1].returnOrderLineNumber repeats line 1',
    ],
    [
      'more refunded than returned',
      aReturn({ refundedQty: 3 }),
      "returnOrderLines[0].refundedQty cannot exceed the line's quantity (3 refunded of 2)",
    ],
    [
      'half a unit',
      aReturn({ quantity: EA(1.5) }),
      'returnOrderLines[0].quantity.measurementValue must be a whole number of units',
    ],
    [
      'a status Walmart does not use',
      aReturn({ currentTrackingStatuses: [{ status: 'LOST', quantity: EA(2) }] }),
      'returnOrderLines[0].currentTrackingStatuses[0].status must be one of INITIATED, DELIVERED, COMPLETED (got "LOST")',
    ],
    [
      'a price that is not a number',
      aReturn({ charges: [{ chargeCategory: 'PRODUCT', chargePerUnit: { currencyUnit: 'USD' } }] }),
      'returnOrderLines[0].charges[0].chargePerUnit.currencyAmount must be a number',
    ],
    [
      'an unknown currency',
      aReturn({ unitPrice: { currencyAmount: 1, currencyUnit: 'DOLLARS' }, charges: [] }),
      'currencyUnit must be an ISO 4217 currency code',
    ],
    ['not an object', 'RMA-1', 'returnOrders[0] must be a return order object'],
  ];

  it.each(cases)('sets aside a return with %s, naming the field and the rule', (_name, raw, reason) => {
    const { returns, rejected } = mapWalmartReturns([raw]);
    expect(returns).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toContain(reason);
    expect(rejected[0].raw).toBe(raw);
  });

  it('keeps the rest of the page and the rejected return’s RMA', () => {
    const bad = aReturn({ refundedQty: 9 }, { returnOrderId: 'RMA-BAD' });
    const { returns, rejected } = mapWalmartReturns([aReturn(), bad, officialReturn]);
    expect(returns.map((r) => r.channelReturnId)).toEqual(['RMA-1', '103738048909818825']);
    expect(rejected).toEqual([
      {
        channelReturnId: 'RMA-BAD',
        reason: "returnOrderLines[0].refundedQty cannot exceed the line's quantity (9 refunded of 2)",
        raw: bad,
      },
    ]);
  });
});
