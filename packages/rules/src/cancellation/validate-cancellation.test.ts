import type { CancellationInput, Channel, OrderSnapshot } from '@order-hub/types';
import { policyFor } from '../policy/policy-table';
import { validateCancellation } from './validate-cancellation';

const at = new Date('2026-11-20T00:00:00Z');
const order: OrderSnapshot = {
  channelOrderId: 'PO-1',
  orderedAt: at,
  status: 'PARTIALLY_SHIPPED',
  lines: [
    { lineNumber: '1', quantityOrdered: 2, quantityShipped: 0, quantityCancelled: 0, cancellationRequested: true },
    { lineNumber: '2', quantityOrdered: 1, quantityShipped: 1, quantityCancelled: 0 },
    { lineNumber: '3', quantityOrdered: 3, quantityShipped: 1, quantityCancelled: 0 },
  ],
};
const cancel = (channel: Channel, lines: CancellationInput['lines']) =>
  validateCancellation({ channel, order, lines }, { policy: policyFor(channel, 'US', at) }).map(
    (v) => `${v.code}@${v.field}`,
  );

describe('validateCancellation', () => {
  it.each([
    ['WALMART', 'SELLER_CANCEL_OUT_OF_STOCK', []],
    ['WALMART', 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL', []],
    ['WALMART', 'SELLER_CANCEL_PRICING_ERROR', []],
    ['WALMART', 'SELLER_CANCEL_FRAUD_STOP_SHIPMENT', []],
    ['WALMART', 'SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE', []],
    ['WALMART', 'SELLER_CANCEL_CUSTOMER_DUPLICATE_ORDER', ['CANCEL_REASON_RETIRED@lines[0].reason']],
    ['WALMART', 'SELLER_CANCEL_CUSTOMER_CHANGE_ORDER', ['CANCEL_REASON_RETIRED@lines[0].reason']],
    ['WALMART', 'SELLER_CANCEL_CUSTOMER_INCORRECT_ADDRESS', ['CANCEL_REASON_RETIRED@lines[0].reason']],
    ['WALMART', 'Cancelled by MP Partner', ['CANCEL_REASON_RETIRED@lines[0].reason']],
    ['WALMART', 'NoInventory', ['CANCEL_REASON_UNKNOWN@lines[0].reason']],
    ['WALMART', ' ', ['CANCEL_REASON_REQUIRED@lines[0].reason']],
    ['AMAZON', 'NoInventory', []],
    ['AMAZON', 'BuyerCanceled', []],
    ['AMAZON', 'ShippingAddressUndeliverable', []],
    ['AMAZON', 'SELLER_CANCEL_OUT_OF_STOCK', ['CANCEL_REASON_UNKNOWN@lines[0].reason']],
  ] as [Channel, string, string[]][])('%s with reason %j → %j', (channel, reason, expected) => {
    expect(cancel(channel, [{ lineNumber: '1', quantity: 2, reason }])).toEqual(expected);
  });

  it.each([
    ['every open unit of an item', [{ lineNumber: '1', quantity: 2 }], []],
    ['part of an item', [{ lineNumber: '1', quantity: 1 }], ['CANCEL_PARTIAL_ITEM@lines[0].quantity']],
    ['the unshipped rest of a partly shipped item', [{ lineNumber: '3', quantity: 2 }], []],
    ['part of the unshipped rest', [{ lineNumber: '3', quantity: 1 }], ['CANCEL_PARTIAL_ITEM@lines[0].quantity']],
    [
      'more than is left (one violation, not two)',
      [{ lineNumber: '3', quantity: 3 }],
      ['QUANTITY_EXCEEDS_OPEN@lines[0].quantity'],
    ],
  ] as [string, { lineNumber: string; quantity: number }[], string[]][])(
    'Amazon cancels whole items: %s → %j',
    (_name, lines, expected) => {
      expect(
        cancel(
          'AMAZON',
          lines.map((l) => ({ ...l, reason: 'NoInventory' })),
        ),
      ).toEqual(expected);
    },
  );

  it('names the open units of an item Amazon would cancel whole', () => {
    const [v] = validateCancellation(
      { channel: 'AMAZON', order, lines: [{ lineNumber: '1', quantity: 1, reason: 'NoInventory' }] },
      { policy: policyFor('AMAZON', 'US', at) },
    );
    expect(v).toMatchObject({ severity: 'BLOCK', details: { open: 2, requested: 1 } });
    expect(v.message).toBe('Amazon cancels whole items: cancel all 2 open unit(s) of item 1, or none.');
  });

  it.each([
    ['a shipped line', [{ lineNumber: '2', quantity: 1 }], ['CANCEL_LINE_SHIPPED@lines[0].lineNumber']],
    ['the unshipped rest of a partly shipped line', [{ lineNumber: '3', quantity: 2 }], []],
    ['more than is left', [{ lineNumber: '3', quantity: 3 }], ['QUANTITY_EXCEEDS_OPEN@lines[0].quantity']],
    ['no quantity', [{ lineNumber: '1', quantity: 0 }], ['QUANTITY_INVALID@lines[0].quantity']],
    ['an unknown line', [{ lineNumber: '7', quantity: 1 }], ['LINE_UNKNOWN@lines[0].lineNumber']],
    [
      'a line twice',
      [
        { lineNumber: '1', quantity: 1 },
        { lineNumber: '1', quantity: 1 },
      ],
      ['LINE_DUPLICATE@lines[1].lineNumber'],
    ],
    ['no lines', [], ['LINES_REQUIRED@lines']],
  ] as [string, { lineNumber: string; quantity: number }[], string[]][])(
    'Walmart: %s → %j',
    (_name, lines, expected) => {
      expect(
        cancel(
          'WALMART',
          lines.map((l) => ({ ...l, reason: 'SELLER_CANCEL_OUT_OF_STOCK' })),
        ),
      ).toEqual(expected);
    },
  );

  it('takes at most 100 lines per Walmart request (the caller chunks), with no limit on Amazon', () => {
    const many = {
      ...order,
      lines: Array.from({ length: 101 }, (_, i) => ({
        lineNumber: String(i + 1),
        quantityOrdered: 1,
        quantityShipped: 0,
        quantityCancelled: 0,
      })),
    };
    const lines = (n: number) =>
      many.lines
        .slice(0, n)
        .map((l) => ({ lineNumber: l.lineNumber, quantity: 1, reason: 'SELLER_CANCEL_OUT_OF_STOCK' }));
    const walmart = policyFor('WALMART', 'US', at);
    expect(validateCancellation({ channel: 'WALMART', order: many, lines: lines(100) }, { policy: walmart })).toEqual(
      [],
    );
    expect(
      validateCancellation({ channel: 'WALMART', order: many, lines: lines(101) }, { policy: walmart }).map(
        (v) => v.code,
      ),
    ).toEqual(['TOO_MANY_LINES']);
    const amazonLines = lines(101).map((l) => ({ ...l, reason: 'NoInventory' }));
    expect(
      validateCancellation(
        { channel: 'AMAZON', order: many, lines: amazonLines },
        { policy: policyFor('AMAZON', 'US', at) },
      ),
    ).toEqual([]);
  });

  const CURRENT =
    'CUSTOMER_REQUESTED_SELLER_TO_CANCEL, SELLER_CANCEL_PRICING_ERROR, SELLER_CANCEL_OUT_OF_STOCK, SELLER_CANCEL_FRAUD_STOP_SHIPMENT, SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE';

  it('lists the current reasons with a retired one', () => {
    const [v] = validateCancellation(
      {
        channel: 'WALMART',
        order,
        lines: [{ lineNumber: '1', quantity: 1, reason: 'SELLER_CANCEL_CUSTOMER_CHANGE_ORDER' }],
      },
      { policy: policyFor('WALMART', 'US', at) },
    );
    expect(v).toMatchObject({
      severity: 'BLOCK',
      details: { allowed: expect.arrayContaining(['SELLER_CANCEL_OUT_OF_STOCK']) },
    });
    expect(v.message).toBe(
      `Walmart no longer accepts the reason "SELLER_CANCEL_CUSTOMER_CHANGE_ORDER"; use one of ${CURRENT}.`,
    );
  });

  it('refuses the retired Walmart cancel code "Cancelled by MP Partner" and names the current ones', () => {
    for (const at2 of [new Date('2017-06-01T00:00:00Z'), at]) {
      const violations = validateCancellation(
        { channel: 'WALMART', order, lines: [{ lineNumber: '3', quantity: 2, reason: ' Cancelled by MP Partner ' }] },
        { policy: policyFor('WALMART', 'US', at2) },
      );
      expect(violations).toEqual([
        {
          code: 'CANCEL_REASON_RETIRED',
          severity: 'BLOCK',
          field: 'lines[0].reason',
          message: `Walmart no longer accepts the reason "Cancelled by MP Partner"; use one of ${CURRENT}.`,
          details: { allowed: CURRENT.split(', ') },
        },
      ]);
    }
  });

  it('keeps every retired reason in the policy table with its source', () => {
    const { retired, current } = policyFor('WALMART', 'US', at).cancellationReasons;
    expect(retired.map((r) => r.reason)).toEqual([
      'Cancelled by MP Partner',
      'SELLER_CANCEL_CUSTOMER_DUPLICATE_ORDER',
      'SELLER_CANCEL_CUSTOMER_CHANGE_ORDER',
      'SELLER_CANCEL_CUSTOMER_INCORRECT_ADDRESS',
    ]);
    for (const r of retired) {
      expect(r.source).toMatch(/Walmart Orders OpenAPI/);
      expect(current).not.toContain(r.reason);
    }
    expect(retired[0].source).toMatch(/seed 000/);
  });

  describe('CUSTOMER_REQUESTED_SELLER_TO_CANCEL only on lines the buyer asked to cancel (Walmart intentToCancel)', () => {
    const buyerReason = (lines: { lineNumber: string; quantity: number }[]) =>
      cancel(
        'WALMART',
        lines.map((l) => ({ ...l, reason: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL' })),
      );

    it('accepts it on a line with a buyer cancel request', () => {
      expect(buyerReason([{ lineNumber: '1', quantity: 2 }])).toEqual([]);
    });

    it('refuses it with CANCEL_REASON_REQUIRES_BUYER_REQUEST on a line the buyer did not ask to cancel', () => {
      expect(buyerReason([{ lineNumber: '3', quantity: 2 }])).toEqual([
        'CANCEL_REASON_REQUIRES_BUYER_REQUEST@lines[0].reason',
      ]);
      expect(
        buyerReason([
          { lineNumber: '1', quantity: 2 },
          { lineNumber: '3', quantity: 2 },
        ]),
      ).toEqual(['CANCEL_REASON_REQUIRES_BUYER_REQUEST@lines[1].reason']);
    });

    it('refuses it when the caller did not say whether the buyer asked (no flag is no request)', () => {
      const noFlag = { ...order, lines: order.lines.map(({ cancellationRequested: _flag, ...l }) => l) };
      const [v] = validateCancellation(
        {
          channel: 'WALMART',
          order: noFlag,
          lines: [{ lineNumber: '1', quantity: 2, reason: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL' }],
        },
        { policy: policyFor('WALMART', 'US', at) },
      );
      expect(v).toMatchObject({
        code: 'CANCEL_REASON_REQUIRES_BUYER_REQUEST',
        severity: 'BLOCK',
        field: 'lines[0].reason',
      });
      expect(v.message).toBe(
        "The buyer did not ask to cancel line 1; CUSTOMER_REQUESTED_SELLER_TO_CANCEL is only for lines the buyer asked to cancel. Choose the seller's reason.",
      );
      expect(v.details).toEqual({ allowed: CURRENT.split(', ').slice(1) });
    });

    it('leaves seller reasons alone on lines the buyer asked to cancel, and Amazon reasons unrestricted', () => {
      expect(cancel('WALMART', [{ lineNumber: '1', quantity: 2, reason: 'SELLER_CANCEL_OUT_OF_STOCK' }])).toEqual([]);
      expect(cancel('AMAZON', [{ lineNumber: '3', quantity: 2, reason: 'BuyerCanceled' }])).toEqual([]);
    });
  });
});
