import type { RefundPayload, ReturnRefundPayload } from '@order-hub/types';
import type { OutboxEntity } from 'src/modules/outbox/outbox.repository';
import type { StoredReturn } from './stored-return';

/**
 * Units of each return line (by return line number) in the outbox's open refunds of the return: a returns refund
 * counts its return lines, an order refund naming the return its order lines' units.
 */
export function unitsInFlight(r: StoredReturn, open: readonly OutboxEntity[]): Map<string, number> {
  const units = new Map<string, number>();
  const add = (number: string, quantity: number) => units.set(number, (units.get(number) ?? 0) + quantity);
  const byOrderLine = new Map(r.lines.map((l) => [`${l.orderId}:${l.lineNumber}`, l.returnLineNumber]));
  for (const row of open) {
    if (row.operation === 'RETURN_REFUND') {
      for (const l of (row.payload as ReturnRefundPayload).lines) add(l.returnLineNumber, l.quantity);
      continue;
    }
    for (const l of (row.payload as RefundPayload).lines) {
      const number = byOrderLine.get(`${row.orderId}:${l.lineNumber}`);
      if (number && l.quantity) add(number, l.quantity);
    }
  }
  return units;
}
