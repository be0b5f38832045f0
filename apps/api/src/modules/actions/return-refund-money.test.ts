import type { RefundPayload } from '@order-hub/types';
import type { OrderLineEntity } from 'src/modules/orders/order.repository';
import type { OutboxEntity } from 'src/modules/outbox/outbox.repository';
import type { StoredReturn, StoredReturnLine } from 'src/modules/returns/stored-return';
import { orderLineMoney } from './order-refund-money';
import { orderRefundOfReturnLine, returnRefundInput } from './return-refund-lines';

const orderLine = (over: Partial<OrderLineEntity> = {}) =>
  ({
    lineNumber: '1',
    quantityOrdered: 2,
    quantityShipped: 2,
    unitPriceCents: 1000,
    chargeCents: 2160,
    refundedCents: 0,
    productRefundedCents: 0,
    ...over,
  }) as OrderLineEntity;

let seq = 0;
const refundRow = (
  status: OutboxEntity['status'],
  lines: RefundPayload['lines'],
  over: Partial<OutboxEntity> = {},
): OutboxEntity =>
  ({
    id: `row-${++seq}`,
    orderId: 'order-1',
    operation: 'REFUND',
    status,
    reverted: null,
    payload: { channelOrderId: 'A', comments: null, lines } satisfies RefundPayload,
    ...over,
  }) as OutboxEntity;

const refundLine = (amountCents: number, itemCents?: number): RefundPayload['lines'][number] => ({
  lineNumber: '1',
  amountCents,
  reason: 'CustomerReturn',
  isFullRefund: false,
  refundedAfterCents: 0,
  ...(itemCents === undefined
    ? {}
    : {
        quantity: 1,
        components: [
          { type: 'ITEM' as const, amountCents: itemCents },
          { type: 'ITEM_TAX' as const, amountCents: amountCents - itemCents },
        ],
      }),
});

describe("an order line's money for the refund rules (orderLineMoney)", () => {
  it('adds refunds on their way to what the channel shows, the product part from the item component', () => {
    const money = orderLineMoney(
      [orderLine({ refundedCents: 500, productRefundedCents: 500 })],
      [refundRow('PENDING', [refundLine(1080, 1000)])],
    );
    expect(money.get('1')).toEqual({ chargeCents: 2160, refundedCents: 1580, productRefundedCents: 1500 });
  });

  it("counts refunds the channel took from the hub when its copy of the order shows none (Amazon's orders carry no refunds)", () => {
    const money = orderLineMoney([orderLine()], [refundRow('DELIVERED', [refundLine(1080, 1000)])]);
    expect(money.get('1')).toMatchObject({ refundedCents: 1080, productRefundedCents: 1000 });
  });

  it("does not count a delivered refund twice when the channel's copy shows it (Walmart)", () => {
    const money = orderLineMoney(
      [orderLine({ refundedCents: 1500, productRefundedCents: 1500 })],
      [refundRow('DELIVERED', [refundLine(1000)])],
    );
    expect(money.get('1')).toMatchObject({ refundedCents: 1500, productRefundedCents: 1500 });
  });

  it('leaves out a refusal the hub took back, and the row being resent', () => {
    const refused = refundRow('FAILED', [refundLine(700)], { reverted: { lines: [] } });
    const resent = refundRow('PENDING', [refundLine(300)]);
    const money = orderLineMoney([orderLine()], [refused, resent], resent.id);
    expect(money.get('1')).toMatchObject({ refundedCents: 0, productRefundedCents: 0 });
  });

  it('takes the price of the shipped units as the ceiling when the channel gave no charge, and none without a price', () => {
    const money = orderLineMoney(
      [orderLine({ chargeCents: null }), orderLine({ lineNumber: '2', chargeCents: null, unitPriceCents: 0 })],
      [],
    );
    expect([money.get('1')!.chargeCents, money.get('2')!.chargeCents]).toEqual([2000, undefined]);
  });
});

const returnLine = (over: Partial<StoredReturnLine> = {}) =>
  ({
    returnLineNumber: 'SKU-1',
    orderId: 'order-1',
    lineNumber: '1',
    quantity: 2,
    quantityRefunded: 0,
    unitPriceCents: 1000,
    unitTaxCents: 80,
    refundedCents: null,
    ...over,
  }) as StoredReturnLine;

describe('a returned line refunded as an order refund (orderRefundOfReturnLine)', () => {
  it("proposes the units' price and tax, split into item and tax", () => {
    expect(orderRefundOfReturnLine(returnLine(), 0, 1, null)).toEqual({
      amountCents: 1080,
      components: [
        { type: 'ITEM', amountCents: 1000 },
        { type: 'ITEM_TAX', amountCents: 80 },
      ],
    });
  });

  it('splits an amount asked for item first; the tax takes only what is left over the item', () => {
    expect(orderRefundOfReturnLine(returnLine(), 0, 1, 900)).toEqual({
      amountCents: 900,
      components: [{ type: 'ITEM', amountCents: 900 }],
    });
    expect(orderRefundOfReturnLine(returnLine(), 0, 2, 2050)).toEqual({
      amountCents: 2050,
      components: [
        { type: 'ITEM', amountCents: 2000 },
        { type: 'ITEM_TAX', amountCents: 50 },
      ],
    });
  });

  it('proposes nothing for units already refunded or on their way', () => {
    expect(orderRefundOfReturnLine(returnLine({ quantityRefunded: 1 }), 1, 1, null).amountCents).toBe(0);
  });
});

describe('the return as the return-refund rules read it (returnRefundInput)', () => {
  const ret = {
    channel: 'AMAZON',
    status: 'RECEIVED',
    lines: [returnLine(), returnLine({ returnLineNumber: 'SKU-2', lineNumber: null })],
  } as StoredReturn;

  it("gives each line its units in flight and, for an order refund, the order line's paid and refunded money", () => {
    const input = returnRefundInput(
      ret,
      new Map([['SKU-1', 1]]),
      [{ returnLineNumber: 'SKU-1', quantity: 1 }],
      'CustomerReturn',
      new Map([['1', { chargeCents: 2160, refundedCents: 1080, productRefundedCents: 1000 }]]),
    );
    expect(input.lines).toEqual([
      expect.objectContaining({ returnLineNumber: 'SKU-1', quantityInFlight: 1, paidCents: 2160, refundedCents: 1080 }),
      expect.objectContaining({ returnLineNumber: 'SKU-2', quantityInFlight: 0, paidCents: null, refundedCents: null }),
    ]);
    expect(input.requested).toEqual([{ returnLineNumber: 'SKU-1', quantity: 1, amountCents: null }]);
  });

  it('knows no money for a channel that refunds returns by units', () => {
    const input = returnRefundInput(ret, new Map(), [], null, null);
    expect(input.lines.map((l) => [l.paidCents, l.refundedCents])).toEqual([
      [null, null],
      [null, null],
    ]);
  });
});
