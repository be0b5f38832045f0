import type { CancellationInput, Channel, OrderSnapshot } from '@order-hub/types';
import { policyFor } from '../policy/policy-table';
import { validateCancellation } from './validate-cancellation';

const at = new Date('2026-11-20T00:00:00Z');
const order: OrderSnapshot = {
  channelOrderId: 'PO-1',
  orderedAt: at,
  status: 'PARTIALLY_SHIPPED',
  lines: [
    { lineNumber: '1', quantityOrdered: 2, quantityShipped: 0, quantityCancelled: 0 },
    { lineNumber: '2', quantityOrdered: 1, quantityShipped: 1, quantityCancelled: 0 },
    { lineNumber: '3', quantityOrdered: 3, quantityShipped: 1, quantityCancelled: 0 },
  ],
};
const cancel = (channel: Channel, lines: CancellationInput['lines']) =>
  validateCancellation({ channel, order, lines }, { policy: policyFor(channel, 'US', at) }).map((v) => `${v.code}@${v.field}`);

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
    ['more than is left (one violation, not two)', [{ lineNumber: '3', quantity: 3 }], ['QUANTITY_EXCEEDS_OPEN@lines[0].quantity']],
  ] as [string, { lineNumber: string; quantity: number }[], string[]][])('Amazon cancels whole items: %s → %j', (_name, lines, expected) => {
    expect(cancel('AMAZON', lines.map((l) => ({ ...l, reason: 'NoInventory' })))).toEqual(expected);
  });

  it('names the open units of an item Amazon would cancel whole', () => {
    const [v] = validateCancellation({ channel: 'AMAZON', order, lines: [{ lineNumber: '1', quantity: 1, reason: 'NoInventory' }] }, { policy: policyFor('AMAZON', 'US', at) });
    expect(v).toMatchObject({ severity: 'BLOCK', details: { open: 2, requested: 1 } });
    expect(v.message).toBe('AMAZON cancels whole items: cancel all 2 open unit(s) of item 1, or none.');
  });

  it.each([
    ['a shipped line', [{ lineNumber: '2', quantity: 1 }], ['CANCEL_LINE_SHIPPED@lines[0].lineNumber']],
    ['the unshipped rest of a partly shipped line', [{ lineNumber: '3', quantity: 2 }], []],
    ['more than is left', [{ lineNumber: '3', quantity: 3 }], ['QUANTITY_EXCEEDS_OPEN@lines[0].quantity']],
    ['no quantity', [{ lineNumber: '1', quantity: 0 }], ['QUANTITY_INVALID@lines[0].quantity']],
    ['an unknown line', [{ lineNumber: '7', quantity: 1 }], ['LINE_UNKNOWN@lines[0].lineNumber']],
    ['a line twice', [{ lineNumber: '1', quantity: 1 }, { lineNumber: '1', quantity: 1 }], ['LINE_DUPLICATE@lines[1].lineNumber']],
    ['no lines', [], ['LINES_REQUIRED@lines']],
  ] as [string, { lineNumber: string; quantity: number }[], string[]][])('Walmart: %s → %j', (_name, lines, expected) => {
    expect(cancel('WALMART', lines.map((l) => ({ ...l, reason: 'SELLER_CANCEL_OUT_OF_STOCK' })))).toEqual(expected);
  });

  it('takes at most 100 lines per Walmart request (the caller chunks), with no limit on Amazon', () => {
    const many = { ...order, lines: Array.from({ length: 101 }, (_, i) => ({ lineNumber: String(i + 1), quantityOrdered: 1, quantityShipped: 0, quantityCancelled: 0 })) };
    const lines = (n: number) => many.lines.slice(0, n).map((l) => ({ lineNumber: l.lineNumber, quantity: 1, reason: 'SELLER_CANCEL_OUT_OF_STOCK' }));
    const walmart = policyFor('WALMART', 'US', at);
    expect(validateCancellation({ channel: 'WALMART', order: many, lines: lines(100) }, { policy: walmart })).toEqual([]);
    expect(validateCancellation({ channel: 'WALMART', order: many, lines: lines(101) }, { policy: walmart }).map((v) => v.code)).toEqual(['TOO_MANY_LINES']);
    const amazonLines = lines(101).map((l) => ({ ...l, reason: 'NoInventory' }));
    expect(validateCancellation({ channel: 'AMAZON', order: many, lines: amazonLines }, { policy: policyFor('AMAZON', 'US', at) })).toEqual([]);
  });

  it('lists the current reasons with a retired one', () => {
    const [v] = validateCancellation(
      { channel: 'WALMART', order, lines: [{ lineNumber: '1', quantity: 1, reason: 'SELLER_CANCEL_CUSTOMER_CHANGE_ORDER' }] },
      { policy: policyFor('WALMART', 'US', at) },
    );
    expect(v).toMatchObject({ severity: 'BLOCK', details: { allowed: expect.arrayContaining(['SELLER_CANCEL_OUT_OF_STOCK']) } });
    expect(v.message).toBe('WALMART retired the reason SELLER_CANCEL_CUSTOMER_CHANGE_ORDER; choose one of its current reasons.');
  });
});
