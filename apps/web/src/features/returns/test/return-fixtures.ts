import type { ReturnLineView, ReturnView } from '../api/returns.graphql';

export function returnLine(overrides: Partial<ReturnLineView> = {}): ReturnLineView {
  return {
    returnLineNumber: '1',
    channelOrderId: '1796000000001',
    orderId: 'ord-1',
    lineNumber: '1',
    sku: 'MUG-BLUE',
    productName: 'Blue mug',
    quantity: 2,
    quantityRefunded: 0,
    quantityRefundable: 2,
    reasonCode: 'DAMAGED',
    reasonLabel: 'Damaged',
    reasonCategory: 'SELLER_FAULT',
    status: 'RECEIVED',
    receivedAt: '2026-11-30T18:00:00.000Z',
    refundedBy: null,
    unitPriceCents: 1299,
    unitTaxCents: 104,
    proposedRefundCents: 2806,
    ...overrides,
  };
}

export function returnOf(overrides: Partial<ReturnView> = {}): ReturnView {
  return {
    id: 'ret-1',
    channel: 'WALMART',
    accountId: 'acc-w',
    accountName: 'Walmart US',
    channelReturnId: '77001122',
    customerOrderId: '200012345',
    orderId: 'ord-1',
    orderNumber: '1796000000001',
    status: 'RECEIVED',
    statusLabel: 'Received',
    requestedAt: '2026-11-27T18:00:00.000Z',
    receivedAt: '2026-11-30T18:00:00.000Z',
    refundedAt: null,
    refundedBy: null,
    returnType: 'REFUND',
    claim: false,
    currency: 'USD',
    amountCents: 2806,
    refundedCents: 0,
    version: 1,
    updatedAt: '2026-11-30T18:00:00.000Z',
    refundClock: { state: 'DUE_SOON', dueAt: '2026-12-02T18:00:00.000Z', label: 'Refund due in 5 h' },
    lines: [returnLine()],
    ...overrides,
  };
}

/** An Amazon return of one item, refunded as an order refund with amounts. */
export function amazonReturn(overrides: Partial<ReturnView> = {}): ReturnView {
  return returnOf({
    id: 'ret-a',
    channel: 'AMAZON',
    accountId: 'acc-a',
    accountName: 'Amazon US',
    channelReturnId: 'DKqTd3ReRRMA',
    customerOrderId: '111-0000000-0000001',
    orderNumber: '111-0000000-0000001',
    refundClock: { state: 'NOT_STARTED', dueAt: null, label: 'Received: refund when checked' },
    lines: [
      returnLine({
        returnLineNumber: '40000000000001',
        channelOrderId: '111-0000000-0000001',
        lineNumber: '40000000000001',
        reasonCode: 'CR-UNWANTED_ITEM',
        reasonLabel: 'No longer wanted',
        reasonCategory: 'BUYER_REMORSE',
        quantity: 1,
        quantityRefundable: 1,
        unitPriceCents: 2500,
        unitTaxCents: 200,
        proposedRefundCents: 2700,
      }),
    ],
    ...overrides,
  });
}
