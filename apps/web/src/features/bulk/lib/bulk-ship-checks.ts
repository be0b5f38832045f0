import { openUnits, validateShipment } from '@order-hub/rules';
import type { CarrierCode, OrderSnapshot } from '@order-hub/types';
import type { BulkShipRowInput } from '@/gql/graphql';
import { policyOf } from '@/features/actions/lib/shipment-form';
import type { ViolationLike } from '@/features/actions/lib/violation-fields';
import type { BulkOrder } from '../api/bulk.graphql';

/** What one row of the bulk ship grid holds, as typed. */
export interface BulkShipRowValues {
  include: boolean;
  carrier: CarrierCode;
  trackingNumber: string;
}

/** Every open unit of the order, as the api ships a bulk row. */
export function openLines(order: BulkOrder): { lineNumber: string; quantity: number }[] {
  return order.lines.filter((l) => openUnits(l) > 0).map((l) => ({ lineNumber: l.lineNumber, quantity: openUnits(l) }));
}

function snapshotOf(order: BulkOrder): OrderSnapshot {
  return {
    channelOrderId: order.channelOrderId,
    customerOrderId: order.customerOrderId ?? null,
    orderedAt: new Date(order.orderedAt),
    status: order.status,
    totalCents: order.total.amountCents,
    lines: order.lines.map((l) => ({
      lineNumber: l.lineNumber,
      quantityOrdered: l.quantityOrdered,
      quantityShipped: l.quantityShipped,
      quantityCancelled: l.quantityCancelled,
      quantityRefunded: l.quantityRefunded,
      cancellationRequested: l.cancellationRequested,
    })),
  };
}

/**
 * The rules a row breaks as it is typed: `@order-hub/rules`' validateShipment, the same function the ship dialog and
 * the api run, on all of the order's open lines shipped now. A row without a tracking number yet is not judged.
 */
export function rowViolations(order: BulkOrder, values: BulkShipRowValues, now: Date): ViolationLike[] {
  if (values.trackingNumber.trim() === '') return [];
  const policy = policyOf(order.channel, order.account.marketplace, now);
  if (!policy) return [];
  return validateShipment(
    {
      channel: order.channel,
      order: snapshotOf(order),
      lines: openLines(order),
      carrier: values.carrier,
      carrierName: null,
      service: null,
      trackingNumber: values.trackingNumber.trim(),
      trackingUrl: null,
      shippedAt: now,
      package: null,
    },
    { now, policy, existingShipment: null },
  );
}

export function toBulkShipRow(order: BulkOrder, values: BulkShipRowValues): BulkShipRowInput {
  return {
    orderId: order.id,
    carrier: values.carrier,
    trackingNumber: values.trackingNumber.trim(),
    expectedVersion: order.version,
    // Ticked after the warning: Walmart is told to ship lines the buyer asked to cancel anyway.
    ...(order.cancellationRequested && { intentToCancelOverride: true }),
  };
}
