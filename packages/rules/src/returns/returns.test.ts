import { policyFor } from '../policy/policy-table';
import { proposeReturnRefund } from './propose-return-refund';
import { refundClock } from './refund-clock';
import { returnReasonCategory, returnReasonLabel } from './return-reasons';
import { returnRefundUnavailableReason, validateReturnRefund, type ReturnRefundInput } from './validate-return-refund';

const H = 3_600_000;
const received = new Date('2026-11-02T10:00:00Z');
const walmart = policyFor('WALMART', 'US', received);
const amazon = policyFor('AMAZON', 'ATVPDKIKX0DER', received);
const open = { status: 'RECEIVED' as const, receivedAt: received, refundedAt: null, refundedBy: null };

describe('refundClock', () => {
  test('Walmart: 48 h from receipt, due soon with 12 h left, overdue after', () => {
    expect(walmart.returnRefund?.refundWithinHours).toBe(48);
    const early = refundClock(walmart, open, new Date(received.getTime() + 10 * H));
    expect(early).toMatchObject({ state: 'OPEN', label: 'Refund due in 1 d 14 h' });
    expect(early.dueAt).toEqual(new Date(received.getTime() + 48 * H));
    expect(refundClock(walmart, open, new Date(received.getTime() + 36 * H)).state).toBe('DUE_SOON');
    expect(refundClock(walmart, open, new Date(received.getTime() + 37 * H)).label).toBe('Refund due in 11 h');
    const late = refundClock(walmart, open, new Date(received.getTime() + 51 * H));
    expect(late).toMatchObject({ state: 'OVERDUE', label: 'Refund overdue by 3 h (Walmart refunds it itself)' });
    expect(late.msLeft).toBe(-3 * H);
  });
  test('settled by the seller or by the channel; not started before receipt; no clock on Amazon', () => {
    const at = new Date(received.getTime() + 60 * H);
    expect(refundClock(walmart, { ...open, status: 'REFUNDED', refundedBy: 'SELLER', refundedAt: at }, at).label).toBe(
      'Refunded',
    );
    expect(
      refundClock(walmart, { ...open, status: 'REFUNDED', refundedBy: 'CHANNEL', refundedAt: at }, at),
    ).toMatchObject({ state: 'SETTLED', label: 'Walmart refunded it itself' });
    expect(refundClock(walmart, { ...open, status: 'IN_TRANSIT', receivedAt: null }, at).state).toBe('NOT_STARTED');
    expect(amazon.returnRefund).toBeNull();
    expect(refundClock(amazon, open, at)).toMatchObject({ state: 'NOT_STARTED', dueAt: null });
  });
  test('a partly refunded return keeps its clock for the rest', () => {
    const at = new Date(received.getTime() + 40 * H);
    expect(refundClock(walmart, { ...open, refundedBy: 'SELLER' }, at).state).toBe('DUE_SOON');
  });
});

describe('return reasons', () => {
  test.each([
    ['WALMART', 'DAMAGED', 'Damaged', 'SELLER_FAULT'],
    ['WALMART', 'WRONG_SIZE/POOR_FIT', 'Wrong size or poor fit', 'BUYER_REMORSE'],
    ['WALMART', 'LOST_IN_TRANSIT', 'Lost in transit', 'OTHER'],
    ['AMAZON', 'CR-DEFECTIVE', 'Defective or does not work', 'SELLER_FAULT'],
    ['AMAZON', 'UNWANTED_ITEM', 'No longer wanted', 'BUYER_REMORSE'],
    ['AMAZON', 'CR-SOMETHING_NEW', 'Something new', 'OTHER'],
    ['WALMART', null, 'No reason given', 'OTHER'],
  ] as const)('%s %s reads "%s" and counts as %s', (channel, code, label, category) => {
    expect(returnReasonLabel(channel, code)).toBe(label);
    expect(returnReasonCategory(channel, code)).toBe(category);
  });
});

test('proposeReturnRefund: price and tax of the units not refunded yet', () => {
  const line = { quantity: 3, quantityRefunded: 1, unitPriceCents: 1999, unitTaxCents: 150 };
  expect(proposeReturnRefund(line)).toEqual({ quantity: 2, itemCents: 3998, taxCents: 300, amountCents: 4298 });
  expect(proposeReturnRefund(line, 1).amountCents).toBe(2149);
  expect(proposeReturnRefund(line, 9).quantity).toBe(2);
});

describe('validateReturnRefund', () => {
  const line = {
    returnLineNumber: '1',
    quantity: 2,
    quantityRefunded: 0,
    quantityInFlight: 0,
    unitPriceCents: 1000,
    unitTaxCents: 80,
    paidCents: 2160,
  };
  const base = (over: Partial<ReturnRefundInput>): ReturnRefundInput => ({
    channel: 'WALMART',
    returnStatus: 'RECEIVED',
    lines: [line],
    requested: [{ returnLineNumber: '1', quantity: 1 }],
    ...over,
  });
  const codes = (input: ReturnRefundInput, policy = walmart) =>
    validateReturnRefund(input, { policy }).map((v) => [v.code, v.field]);

  test('a partial quantity of a received Walmart return is fine', () => {
    expect(codes(base({}))).toEqual([]);
  });
  test('a line not returned, a bad quantity, more than came back', () => {
    expect(codes(base({ requested: [{ returnLineNumber: '9', quantity: 1 }] }))).toEqual([
      ['RETURN_REFUND_LINE_NOT_RETURNED', 'lines[0].returnLineNumber'],
    ]);
    expect(codes(base({ requested: [{ returnLineNumber: '1', quantity: 0 }] }))).toEqual([
      ['RETURN_REFUND_QUANTITY_INVALID', 'lines[0].quantity'],
    ]);
    expect(codes(base({ requested: [{ returnLineNumber: '1', quantity: 3 }] }))).toEqual([
      ['RETURN_REFUND_ABOVE_RETURNED', 'lines[0].quantity'],
    ]);
  });
  test('twice for the same units: refused while the first is in flight and after it landed', () => {
    expect(codes(base({ lines: [{ ...line, quantityInFlight: 2 }] }))).toEqual([
      ['RETURN_REFUND_ALREADY_REFUNDED', 'lines[0].quantity'],
    ]);
    expect(codes(base({ lines: [{ ...line, quantityRefunded: 2 }] }))).toEqual([
      ['RETURN_REFUND_ALREADY_REFUNDED', 'lines[0].quantity'],
    ]);
  });
  test('Walmart takes no amount (refused) and no reason (warned)', () => {
    const violations = validateReturnRefund(
      base({ requested: [{ returnLineNumber: '1', quantity: 1, amountCents: 500 }], reason: 'CustomerReturn' }),
      { policy: walmart },
    );
    expect(violations.map((v) => [v.code, v.severity])).toEqual([
      ['RETURN_REFUND_AMOUNT_NOT_TAKEN', 'BLOCK'],
      ['RETURN_REFUND_REASON_NOT_TAKEN', 'WARN'],
    ]);
  });
  test('Amazon: amounts up to what was paid for the units; its adjustment reasons only', () => {
    const az = (amountCents: number, reason = 'CustomerReturn') =>
      codes(
        base({ channel: 'AMAZON', requested: [{ returnLineNumber: '1', quantity: 1, amountCents }], reason }),
        amazon,
      );
    expect(az(1080)).toEqual([]);
    expect(az(1081)).toEqual([['RETURN_REFUND_ABOVE_PAID', 'lines[0].amountCents']]);
    expect(az(500, 'Goodwill')).toEqual([['REFUND_REASON_UNKNOWN', 'reason']]);
  });
  test('Walmart refunds units once they are back; Amazon may refund before', () => {
    expect(codes(base({ lines: [{ ...line, received: false }] }))).toEqual([
      ['RETURN_REFUND_NOT_RECEIVED', 'lines[0].returnLineNumber'],
    ]);
    expect(codes(base({ channel: 'AMAZON', lines: [{ ...line, received: false }] }), amazon)).toEqual([]);
    const open = { quantityRefundable: 1, receivedAt: null };
    expect(returnRefundUnavailableReason('WALMART', { status: 'IN_TRANSIT', lines: [open] })).toBe(
      'Walmart refunds a return once it is received.',
    );
    expect(returnRefundUnavailableReason('AMAZON', { status: 'IN_TRANSIT', lines: [open] })).toBeNull();
    expect(
      returnRefundUnavailableReason('WALMART', { status: 'RECEIVED', lines: [{ ...open, receivedAt: '2026-11-02' }] }),
    ).toBeNull();
    expect(
      returnRefundUnavailableReason('WALMART', { status: 'REFUNDED', lines: [{ ...open, quantityRefundable: 0 }] }),
    ).toBe('Refunded.');
  });
  test('a closed return cannot be refunded', () => {
    expect(codes(base({ returnStatus: 'CLOSED' }))).toEqual([['RETURN_REFUND_CLOSED', 'returnId']]);
  });
});
