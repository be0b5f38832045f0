import {
  FulfillmentMethod,
  OrderLineStatus,
  OrderType,
  PackageType,
  type NormalizedLineMoney,
  type NormalizedOrder,
  type NormalizedOrderLine,
  type NormalizedShipment,
  type ShipmentCarrierEvent,
} from '@order-hub/types';
import { safeHttpUrl } from '@order-hub/rules';
import { countryAlpha2 } from 'src/modules/channels/channel-address';
import { toCents } from 'src/modules/channels/money';
import { orderStatusOfLines } from '@order-hub/rules';
import type { WalmartCharge, WalmartOrder, WalmartOrderLine } from './walmart-order.types';

/** Walmart's ship node types; WFS ships for the seller (channel-fulfilled), a 3PL node is the seller's own provider. */
const WFS_NODE = 'WFSFulfilled';

/**
 * Maps one Walmart purchase order to the hub's model. Pure: same payload, same result.
 * `acknowledgedAt` is null: the payload carries no acknowledgement time (a line's `statusDate` is its last status
 * change, not its acknowledgement), so only the hub's own acknowledgement is ever recorded.
 */
export function mapWalmartOrder(po: WalmartOrder): NormalizedOrder {
  const currency =
    po.orderSummary?.totalAmount?.currencyUnit ??
    po.orderLines.orderLine.flatMap((l) => l.charges?.charge ?? [])[0]?.chargeAmount.currency ??
    'USD';
  const lines = po.orderLines.orderLine.map((l) => mapLine(l, currency));
  const status = orderStatusOfLines(lines);
  const productAndShipping = po.orderLines.orderLine.flatMap((l) => l.charges?.charge ?? []);
  const address = po.shippingInfo.postalAddress;
  return {
    channelOrderId: po.purchaseOrderId,
    customerOrderId: po.customerOrderId ?? null,
    orderedAt: new Date(po.orderDate),
    status,
    shipBy: epoch(po.shippingInfo.estimatedShipDate),
    deliverBy: epoch(po.shippingInfo.estimatedDeliveryDate),
    acknowledgedAt: null,
    shipMethod: po.shippingInfo.methodCode ?? null,
    fulfillmentMethod: po.shipNode?.type === WFS_NODE ? FulfillmentMethod.CHANNEL : FulfillmentMethod.MERCHANT,
    shipTo: {
      name: address.name,
      line1: address.address1,
      line2: address.address2 ?? null,
      city: address.city,
      stateOrRegion: address.state,
      postalCode: address.postalCode,
      countryCode: countryAlpha2(address.country),
      phone: po.shippingInfo.phone ?? null,
    },
    totalCents: po.orderSummary?.totalAmount
      ? toCents(po.orderSummary.totalAmount.currencyAmount, currency)
      : productAndShipping.reduce((sum, c) => sum + chargeWithTax(c, currency), 0),
    currency,
    merchandiseCents: productAndShipping.reduce((sum, c) => sum + toCents(c.chargeAmount.amount, currency), 0),
    rawPayload: po as unknown as Record<string, unknown>,
    lines,
    shipments: shipmentsOf(po),
    channelUpdatedAt: new Date(Math.max(po.orderDate, ...po.orderLines.orderLine.map((l) => l.statusDate ?? 0))),
    cancellationRequested: lines.some((l) => l.cancellationRequested),
    orderType:
      po.orderType === OrderType.REPLACEMENT
        ? OrderType.REPLACEMENT
        : po.orderType === OrderType.REGULAR
          ? OrderType.REGULAR
          : null,
    originalCustomerOrderId: po.originalCustomerOrderID || null,
    shipNodeType: po.shipNode?.type ?? null,
    // Walmart's ship confirmation names no package: the hub numbers its own.
    channelPackageReferenceIds: [],
    lineMoney: po.orderLines.orderLine.map((l) => lineMoney(l, currency)),
  };
}

function mapLine(line: WalmartOrderLine, currency: string): NormalizedOrderLine {
  const ordered = Number(line.orderLineQuantity.amount);
  const qty = { Created: 0, Acknowledged: 0, Shipped: 0, Delivered: 0, Cancelled: 0, Refund: 0 };
  for (const s of line.orderLineStatuses.orderLineStatus) qty[s.status] += Number(s.statusQuantity.amount);
  const shipped = qty.Shipped + qty.Delivered + qty.Refund;
  const productCharge = line.charges.charge.find((c) => c.chargeType === 'PRODUCT');
  // The PRODUCT charge is the line's (price × quantity), as the sandbox models multi-quantity lines.
  const unitPriceCents = Math.round(toCents(productCharge?.chargeAmount.amount, currency) / Math.max(ordered, 1));
  const refundCharges = line.refund?.refundCharges?.refundCharge ?? [];
  const refundedCents = productRefundedCents(line, currency);
  const refunded = Math.max(
    qty.Refund,
    unitPriceCents > 0 ? Math.min(shipped, Math.round(refundedCents / unitPriceCents)) : 0,
  );
  const open = ordered - shipped - qty.Cancelled;
  return {
    lineNumber: line.lineNumber,
    sku: line.item.sku,
    title: line.item.productName,
    quantityOrdered: ordered,
    quantityShipped: shipped,
    quantityCancelled: qty.Cancelled,
    quantityRefunded: refunded,
    unitPriceCents,
    status: lineStatus(ordered, qty, refunded),
    cancellationRequested: open > 0 && isYes(line.intentToCancel),
    cancellationReason:
      line.orderLineStatuses.orderLineStatus.find((s) => s.status === 'Cancelled' && s.cancellationReason)
        ?.cancellationReason ?? null,
    // The product charge's reason first: it is what the refund was for; shipping-only refunds keep their own.
    refundReason:
      (
        refundCharges.find((r) => r.charge.chargeType === 'PRODUCT' && r.refundReason) ??
        refundCharges.find((r) => r.refundReason)
      )?.refundReason ?? null,
  };
}

/** The line's charges and refunds; Walmart's refund charges are negative amounts. */
function lineMoney(line: WalmartOrderLine, currency: string): NormalizedLineMoney {
  return {
    lineNumber: line.lineNumber,
    chargeCents: line.charges.charge.reduce((sum, c) => sum + chargeWithTax(c, currency), 0),
    refundedCents: (line.refund?.refundCharges?.refundCharge ?? []).reduce(
      (sum, r) => sum - chargeWithTax(r.charge, currency),
      0,
    ),
    productRefundedCents: productRefundedCents(line, currency),
  };
}

function productRefundedCents(line: WalmartOrderLine, currency: string): number {
  return (line.refund?.refundCharges?.refundCharge ?? [])
    .filter((r) => r.charge.chargeType === 'PRODUCT')
    .reduce((sum, r) => sum - toCents(r.charge.chargeAmount.amount, currency), 0);
}

function lineStatus(ordered: number, qty: Record<string, number>, refunded: number): OrderLineStatus {
  if (qty.Cancelled === ordered) return OrderLineStatus.CANCELLED;
  const live = ordered - qty.Cancelled;
  if (refunded > 0 && refunded >= live) return OrderLineStatus.REFUNDED;
  if (qty.Delivered === live) return OrderLineStatus.DELIVERED;
  if (qty.Shipped + qty.Delivered + qty.Refund === live) return OrderLineStatus.SHIPPED;
  if (qty.Created > 0 && qty.Acknowledged === 0 && qty.Shipped + qty.Delivered === 0) return OrderLineStatus.CREATED;
  return OrderLineStatus.ACKNOWLEDGED;
}

/** One shipment per tracking number, carrying every line quantity shipped under it. */
function shipmentsOf(po: WalmartOrder): NormalizedShipment[] {
  const byTracking = new Map<string, NormalizedShipment>();
  for (const line of po.orderLines.orderLine) {
    for (const s of line.orderLineStatuses.orderLineStatus) {
      const t = s.trackingInfo;
      if (!t || !['Shipped', 'Delivered', 'Refund'].includes(s.status)) continue;
      const key = `${t.trackingNumber}|${t.shipDateTime}`;
      let shipment = byTracking.get(key);
      if (!shipment) {
        shipment = {
          carrier: t.carrierName.carrier ?? t.carrierName.otherCarrier ?? 'Other',
          service: t.methodCode ?? null,
          trackingNumber: t.trackingNumber,
          // Only an http(s) link is kept: a channel's `javascript:` URL must never reach the console.
          trackingUrl: safeHttpUrl(t.trackingURL),
          shippedAt: new Date(t.shipDateTime),
          packageType: PackageType.PARCEL,
          weightOz: null,
          lengthIn: null,
          widthIn: null,
          heightIn: null,
          lines: [],
        };
        byTracking.set(key, shipment);
      }
      if (s.status === 'Delivered' && !shipment.events?.length) shipment.events = [deliveredEvent(line)];
      const existing = shipment.lines.find((l) => l.lineNumber === line.lineNumber);
      if (existing) existing.quantity += Number(s.statusQuantity.amount);
      else shipment.lines.push({ lineNumber: line.lineNumber, quantity: Number(s.statusQuantity.amount) });
    }
  }
  return [...byTracking.values()];
}

/**
 * A line's statusDate is its last status change: the delivery's time only while delivery is the last thing that
 * happened to it (every unit Delivered, nothing refunded). After a refund or a cancellation it dates that change, so the
 * delivery is recorded with no time rather than a later one.
 */
function deliveredEvent(line: WalmartOrderLine): ShipmentCarrierEvent {
  const lastChangeIsDelivery =
    line.orderLineStatuses.orderLineStatus.every((b) => b.status === 'Delivered') &&
    !line.refund?.refundCharges?.refundCharge?.length;
  return lastChangeIsDelivery
    ? { type: 'DELIVERED', at: new Date(line.statusDate), description: 'Walmart line status Delivered' }
    : {
        type: 'DELIVERED',
        at: null,
        description: 'Walmart line status Delivered (time not given: the line changed since)',
      };
}

function chargeWithTax(c: WalmartCharge, currency: string): number {
  return toCents(c.chargeAmount.amount, currency) + toCents(c.tax?.taxAmount.amount, currency);
}

function epoch(ms: number | undefined): Date | null {
  return ms === undefined || ms === null ? null : new Date(ms);
}

function isYes(value: string | null | undefined): boolean {
  return (
    value !== undefined &&
    value !== null &&
    value !== '' &&
    value.toUpperCase() !== 'NO' &&
    value.toUpperCase() !== 'FALSE'
  );
}
