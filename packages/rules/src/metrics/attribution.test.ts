import {
  WALMART_CANCELLATION_REASONS,
  WALMART_REFUND_REASONS,
  WALMART_RETIRED_CANCELLATION_REASONS,
} from '../policy/reason-codes';
import {
  CANCELLATION_REASON_FAULT,
  REFUND_REASON_FAULT,
  SELLER_FAULT_REFUND_REASONS,
  cancellationInitiatorOfLines,
  isSellerFaultRefundReason,
} from './attribution';

describe('reason attribution tables', () => {
  it('classify every Walmart cancellation and refund reason of the model, each with its source', () => {
    const cancel = new Set(CANCELLATION_REASON_FAULT.map((r) => r.reason));
    for (const reason of [...WALMART_CANCELLATION_REASONS, ...WALMART_RETIRED_CANCELLATION_REASONS])
      expect(cancel.has(reason)).toBe(true);
    expect(REFUND_REASON_FAULT.map((r) => r.reason).sort()).toEqual([...WALMART_REFUND_REASONS].sort());
    for (const row of [...CANCELLATION_REASON_FAULT, ...REFUND_REASON_FAULT])
      expect(row.source.length).toBeGreaterThan(20);
  });

  it('Walmart customer cancel on the channel is the buyer’s only when every cancelled line says so', () => {
    const reasons = (...r: (string | null)[]) =>
      cancellationInitiatorOfLines(r.map((cancellationReason) => ({ cancellationReason })));
    expect(reasons('CUSTOMER_REQUESTED_SELLER_TO_CANCEL')).toBe('BUYER');
    expect(reasons('CUSTOMER_REQUESTED_SELLER_TO_CANCEL', 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL')).toBe('BUYER');
    expect(reasons('CUSTOMER_REQUESTED_SELLER_TO_CANCEL', 'SELLER_CANCEL_OUT_OF_STOCK')).toBeNull();
    expect(reasons('CUSTOMER_REQUESTED_SELLER_TO_CANCEL', null)).toBeNull();
    expect(reasons('SELLER_CANCEL_PRICING_ERROR')).toBeNull();
    expect(reasons()).toBeNull();
  });

  it('Amazon channel or customer cancel (cancelledBy AMAZON / BUYER) is not a seller cancel', () => {
    expect(cancellationInitiatorOfLines([{ cancelledBy: 'BUYER', cancellationReason: 'Changed mind' }])).toBe('BUYER');
    expect(cancellationInitiatorOfLines([{ cancelledBy: 'CHANNEL' }, { cancelledBy: 'CHANNEL' }])).toBe('CHANNEL');
    expect(cancellationInitiatorOfLines([{ cancelledBy: 'CHANNEL' }, { cancelledBy: 'SELLER' }])).toBeNull();
    expect(
      cancellationInitiatorOfLines([{ cancelledBy: 'SELLER', cancellationReason: 'Buyer requested cancellation' }]),
    ).toBeNull();
  });

  it('Walmart customer-reason refund is not a seller-fault refund; an unknown or missing reason counts', () => {
    expect(isSellerFaultRefundReason('DamagedItem')).toBe(true);
    expect(isSellerFaultRefundReason('Shipping & Delivery -> Damaged')).toBe(true);
    expect(isSellerFaultRefundReason('CustomerChangedMind')).toBe(false);
    expect(isSellerFaultRefundReason('Customer returned item')).toBe(false);
    expect(isSellerFaultRefundReason('BillingError')).toBe(false);
    expect(isSellerFaultRefundReason(null)).toBe(true);
    expect(isSellerFaultRefundReason('Something new')).toBe(true);
    expect(SELLER_FAULT_REFUND_REASONS).toContain('ItemNotReceivedByCustomer');
  });
});
