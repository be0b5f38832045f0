import type { RefundPayload } from '@order-hub/types';
import type { OrderLineEntity } from 'src/modules/orders/order.repository';
import { refundedProductCents } from 'src/modules/outbox/outbox-hub-change';
import type { OutboxEntity } from 'src/modules/outbox/outbox.repository';

/** What an order line was paid and has been refunded, as the refund rules read it. */
export interface LineMoney {
  /** The refund ceiling; undefined when neither the channel's charge nor the line's price is known. */
  chargeCents: number | undefined;
  refundedCents: number;
  productRefundedCents: number;
}

/**
 * Each line's money: what the channel's copy of the order says (as the last import stored it), the refunds the hub
 * has queued but the channel does not show yet on top, and — for a channel whose orders carry no refunds (Amazon
 * reports them elsewhere) — the refunds the channel took from the hub, so a refund is never given twice. Whichever of
 * the channel's refunds and the hub's delivered ones is larger counts: a channel that shows refunds shows the hub's
 * among them.
 *
 * A charge the channel did not give is the line's price times the units shipped (tax unknown, so never above what
 * was paid); unknown when the line has no price.
 */
export function orderLineMoney(
  lines: readonly OrderLineEntity[],
  refunds: readonly OutboxEntity[],
  exceptOutboxId?: string,
): Map<string, LineMoney> {
  const inFlight = new Map<string, { total: number; product: number }>();
  const delivered = new Map<string, { total: number; product: number }>();
  for (const row of refunds) {
    if (row.id === exceptOutboxId || row.operation !== 'REFUND') continue;
    // A refund the channel refused (the row keeps what it took back) is not on its way until it is resent.
    const into = row.status === 'DELIVERED' ? delivered : row.reverted ? null : inFlight;
    if (!into) continue;
    for (const l of (row.payload as RefundPayload).lines) {
      const sum = into.get(l.lineNumber) ?? { total: 0, product: 0 };
      into.set(l.lineNumber, { total: sum.total + l.amountCents, product: sum.product + refundedProductCents(l) });
    }
  }
  const money = new Map<string, LineMoney>();
  for (const line of lines) {
    const queued = inFlight.get(line.lineNumber) ?? { total: 0, product: 0 };
    const sent = delivered.get(line.lineNumber) ?? { total: 0, product: 0 };
    money.set(line.lineNumber, {
      chargeCents:
        line.chargeCents ?? (line.unitPriceCents > 0 ? line.unitPriceCents * line.quantityShipped : undefined),
      refundedCents: Math.max(line.refundedCents, sent.total) + queued.total,
      productRefundedCents: Math.max(line.productRefundedCents, sent.product) + queued.product,
    });
  }
  return money;
}
