import { proposeReturnRefund, type ReturnRefundInput } from '@order-hub/rules';
import type { RefundComponentType } from '@order-hub/types';
import type { StoredReturn, StoredReturnLine } from 'src/modules/returns/stored-return';
import type { LineMoney } from './order-refund-money';

/** One line of a return refund as the operator asks for it. */
export interface RequestedReturnLine {
  returnLineNumber: string;
  quantity: number;
  amountCents?: number | null;
}

/**
 * The return as the return-refund rules read it. `orderMoney` (the linked order's line money) is given when the
 * channel refunds returns as order refunds: what was paid and refunded on the order line bounds the amount.
 */
export function returnRefundInput(
  ret: StoredReturn,
  inFlight: Map<string, number>,
  requested: readonly RequestedReturnLine[],
  reason: string | null | undefined,
  orderMoney: Map<string, LineMoney> | null,
): ReturnRefundInput {
  return {
    channel: ret.channel,
    returnStatus: ret.status,
    lines: ret.lines.map((l) => {
      const money = orderMoney && l.lineNumber ? orderMoney.get(l.lineNumber) : undefined;
      return {
        returnLineNumber: l.returnLineNumber,
        quantity: l.quantity,
        quantityRefunded: l.quantityRefunded,
        quantityInFlight: inFlight.get(l.returnLineNumber) ?? 0,
        unitPriceCents: l.unitPriceCents,
        unitTaxCents: l.unitTaxCents,
        paidCents: orderMoney ? (money?.chargeCents ?? null) : null,
        refundedCents: money?.refundedCents ?? null,
        received: l.receivedAt !== null || l.status === 'RECEIVED' || l.status === 'REFUNDED',
      };
    }),
    requested: requested.map((r) => ({
      returnLineNumber: r.returnLineNumber,
      quantity: r.quantity,
      amountCents: r.amountCents ?? null,
    })),
    reason: reason ?? null,
  };
}

/**
 * What refunding `quantity` units of a returned line gives back as an order refund: the amount asked for, or the
 * proposal (price and tax of the units); split into item and tax as the proposal splits it, the item taking what the
 * tax does not.
 */
export function orderRefundOfReturnLine(
  line: StoredReturnLine,
  inFlight: number,
  quantity: number,
  amountCents: number | null | undefined,
): { amountCents: number; components: { type: RefundComponentType; amountCents: number }[] } {
  const proposal = proposeReturnRefund(
    {
      quantity: line.quantity,
      quantityRefunded: line.quantityRefunded + inFlight,
      unitPriceCents: line.unitPriceCents,
      unitTaxCents: line.unitTaxCents,
    },
    quantity,
  );
  const amount = amountCents ?? proposal.amountCents;
  const tax = Math.min(proposal.taxCents, Math.max(0, amount - proposal.itemCents));
  const components: { type: RefundComponentType; amountCents: number }[] = [
    { type: 'ITEM', amountCents: amount - tax },
  ];
  if (tax > 0) components.push({ type: 'ITEM_TAX', amountCents: tax });
  return { amountCents: amount, components };
}
