import type { CarrierCode } from '@order-hub/types';
import { initialShipmentForm, liveShipmentViolations } from '@/features/actions/lib/shipment-form';
import type { ViolationLike } from '@/features/actions/lib/violation-fields';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';

/** The inputs the approve dialog lets the reviewer change; other findings (ship date, package) are not theirs. */
const REVIEWED_FIELDS = new Set(['carrier', 'carrierName', 'trackingNumber']);

/**
 * What the ship dialog's rules say of the held number (or its correction) on this order, shipping every open unit
 * now as the intake does: the same `validateShipment` from @order-hub/rules, in the browser.
 */
export function approveViolations(
  order: OrderDetail,
  carrier: CarrierCode,
  carrierName: string,
  trackingNumber: string,
  now: Date,
): ViolationLike[] {
  const values = { ...initialShipmentForm(order, now), carrier, carrierName, trackingNumber };
  return liveShipmentViolations(order, values, now).filter((v) => REVIEWED_FIELDS.has(v.field ?? ''));
}
