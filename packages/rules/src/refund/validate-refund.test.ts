import type { Channel, OrderSnapshot, RefundInput } from '@order-hub/types';
import { policyFor } from '../policy/policy-table';
import { validateRefund } from './validate-refund';

const at = new Date('2026-11-20T00:00:00Z');
const order: OrderSnapshot = {
  channelOrderId: 'PO-1',
  orderedAt: at,
  status: 'PARTIALLY_SHIPPED',
  lines: [
    {
      lineNumber: '1',
      quantityOrdered: 1,
      quantityShipped: 1,
      quantityCancelled: 0,
      chargeCents: 2500,
      refundedCents: 500,
    },
    { lineNumber: '2', quantityOrdered: 1, quantityShipped: 0, quantityCancelled: 0, chargeCents: 1000 },
    { lineNumber: '3', quantityOrdered: 1, quantityShipped: 1, quantityCancelled: 0 },
  ],
};
const refund = (channel: Channel, lines: RefundInput['lines']) =>
  validateRefund({ channel, order, lines }, { policy: policyFor(channel, 'US', at) }).map(
    (v) => `${v.code}@${v.field}`,
  );
const line = (patch: Partial<RefundInput['lines'][number]> = {}) => ({
  lineNumber: '1',
  amountCents: 1000,
  reason: 'DamagedItem',
  ...patch,
});

describe('validateRefund', () => {
  it.each([
    ['a partial refund of a shipped line', [line()], []],
    ['the rest of the charge exactly', [line({ amountCents: 2000 })], []],
    ['a cent above the charge', [line({ amountCents: 2001 })], ['REFUND_ABOVE_CHARGE@lines[0].amountCents']],
    ['an unshipped line', [line({ lineNumber: '2' })], ['REFUND_LINE_NOT_SHIPPED@lines[0].lineNumber']],
    ['a line whose charge is unknown', [line({ lineNumber: '3' })], ['REFUND_ABOVE_CHARGE@lines[0].amountCents']],
    ['zero', [line({ amountCents: 0 })], ['REFUND_AMOUNT_INVALID@lines[0].amountCents']],
    ['a negative amount', [line({ amountCents: -500 })], ['REFUND_AMOUNT_INVALID@lines[0].amountCents']],
    ['fractional cents', [line({ amountCents: 10.5 })], ['REFUND_AMOUNT_INVALID@lines[0].amountCents']],
    ['an exact Walmart reason with spaces', [line({ reason: 'Shipping & Delivery -> Damaged' })], []],
    ['a reason Walmart does not have', [line({ reason: 'Damaged' })], ['REFUND_REASON_UNKNOWN@lines[0].reason']],
    ['no reason', [line({ reason: '' })], ['REFUND_REASON_REQUIRED@lines[0].reason']],
    [
      'full and partial together',
      [line({ isFullRefund: true }), line({ lineNumber: '3', isFullRefund: false, amountCents: 1 })],
      ['REFUND_ABOVE_CHARGE@lines[1].amountCents', 'REFUND_MIXED_FULL_PARTIAL@lines'],
    ],
    ['an unknown line', [line({ lineNumber: '9' })], ['LINE_UNKNOWN@lines[0].lineNumber']],
    ['no lines', [], ['LINES_REQUIRED@lines']],
  ] as [string, RefundInput['lines'], string[]][])('Walmart: %s → %j', (_name, lines, expected) => {
    expect(refund('WALMART', lines)).toEqual(expected);
  });

  it("takes Amazon's adjustment reasons, and only those", () => {
    expect(refund('AMAZON', [line({ reason: 'CustomerReturn' })])).toEqual([]);
    expect(refund('AMAZON', [line({ reason: 'Customer return' })])).toEqual(['REFUND_REASON_UNKNOWN@lines[0].reason']);
  });

  it('says how much is left to refund', () => {
    const [v] = validateRefund(
      { channel: 'WALMART', order, lines: [line({ amountCents: 2500 })] },
      { policy: policyFor('WALMART', 'US', at) },
    );
    expect(v.message).toBe('Line 1 can be refunded at most $20.00 more.');
    expect(v.details).toEqual({ chargeCents: 2500, refundedCents: 500, maxCents: 2000 });
  });

  it('takes at most 100 lines per Walmart request', () => {
    const many = {
      ...order,
      lines: Array.from({ length: 101 }, (_, i) => ({
        lineNumber: String(i + 1),
        quantityOrdered: 1,
        quantityShipped: 1,
        quantityCancelled: 0,
        chargeCents: 100,
      })),
    };
    const lines = many.lines.map((l) => line({ lineNumber: l.lineNumber, amountCents: 100 }));
    expect(
      validateRefund({ channel: 'WALMART', order: many, lines }, { policy: policyFor('WALMART', 'US', at) }).map(
        (v) => v.code,
      ),
    ).toEqual(['TOO_MANY_LINES']);
  });
});
