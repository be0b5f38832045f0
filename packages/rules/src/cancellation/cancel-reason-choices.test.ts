import type { Channel } from '@order-hub/types';
import { POLICY_TABLE } from '../policy/policy-table';
import { cancelReasonChoices, cancelReasonLabel, refundReasonLabel } from './cancel-reason-choices';

const at = new Date('2026-12-03T12:00:00Z');
const choices = (channel: Channel, buyerAskedToCancel: boolean) =>
  cancelReasonChoices(channel, { buyerAskedToCancel, at });

describe('cancelReasonChoices', () => {
  it('Walmart: out of stock in words, counting against the 2026 cancellation rate, with the out-of-stock flag named', () => {
    const oos = choices('WALMART', false).find((c) => c.code === 'SELLER_CANCEL_OUT_OF_STOCK');
    expect(oos).toMatchObject({
      label: 'Out of stock',
      counts: true,
      summary: 'counts against your cancellation rate',
    });
    expect(oos?.effect).toBe(
      'Counts against your cancellation rate (must stay at most 2% over 30 days). Walmart also marks the item out of stock at that ship node until you restock it.',
    );
    expect(oos?.source).toContain('Seller-performance-standards');
    expect(oos?.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('Walmart offers "Customer asked to cancel" only when the buyer asked, and it does not count', () => {
    expect(choices('WALMART', false).map((c) => c.code)).toEqual([
      'SELLER_CANCEL_PRICING_ERROR',
      'SELLER_CANCEL_OUT_OF_STOCK',
      'SELLER_CANCEL_FRAUD_STOP_SHIPMENT',
      'SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE',
    ]);
    const asked = choices('WALMART', true);
    expect(asked[0]).toMatchObject({
      code: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
      label: 'Customer asked to cancel',
      counts: false,
      effect: 'Does not count against your cancellation rate (must stay at most 2% over 30 days).',
    });
    expect(asked.filter((c) => !c.counts)).toHaveLength(1);
  });

  it('Walmart before 2026 states the older standard (below 2%)', () => {
    const old = cancelReasonChoices('WALMART', { buyerAskedToCancel: false, at: new Date('2024-06-01T00:00:00Z') });
    expect(old[0].effect).toBe('Counts against your cancellation rate (must stay below 2% over 30 days).');
  });

  it("Amazon: seller cancels count against the pre-fulfilment cancel rate; the buyer's own request is offered only when they asked", () => {
    const seller = choices('AMAZON', false);
    expect(seller.map((c) => c.code)).not.toContain('BuyerCanceled');
    expect(seller.find((c) => c.code === 'NoInventory')).toMatchObject({
      label: 'Out of stock',
      counts: true,
      effect: 'Counts against your pre-fulfilment cancel rate (must stay below 2.5% over 7 days).',
    });
    expect(choices('AMAZON', true).find((c) => c.code === 'BuyerCanceled')).toMatchObject({
      label: 'Customer asked to cancel',
      counts: false,
    });
  });

  it('every current reason of every policy version has words of its own (no code shown as a label)', () => {
    for (const policy of POLICY_TABLE) {
      const offered = cancelReasonChoices(policy.channel, { buyerAskedToCancel: true, at: policy.effectiveFrom });
      expect(offered.map((c) => c.code)).toEqual([...policy.cancellationReasons.current]);
      for (const choice of offered) {
        expect(choice.label).not.toBe(choice.code);
        expect(choice.label).not.toMatch(/_|[a-z][A-Z]/);
      }
    }
  });

  it('cancelReasonLabel names a code in words and falls back to a readable form of an unknown one', () => {
    expect(cancelReasonLabel('SELLER_CANCEL_PRICING_ERROR')).toBe('Pricing error');
    expect(cancelReasonLabel('Cancelled by MP Partner')).toBe('Cancelled by mp partner');
    expect(cancelReasonLabel('SOME_NEW_REASON')).toBe('Some new reason');
  });
});

test('refundReasonLabel reads Walmart refund reasons as words', () => {
  expect(refundReasonLabel('DamagedItem')).toBe('Damaged item');
  expect(refundReasonLabel('Shipping & Delivery -> Damaged')).toBe('Shipping & Delivery: Damaged');
  expect(refundReasonLabel('Buyer canceled')).toBe('Buyer canceled');
});
