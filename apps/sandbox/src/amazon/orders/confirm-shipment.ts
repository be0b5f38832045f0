import type { AmazonOrder, AmazonPackage } from '../../state/types';
import { AMAZON_CARRIER_CODES, GENERIC_TRACKING, TRACKING_SHAPES } from '../carriers';
import { invalidInput } from '../errors';
import { fulfillmentStatus } from './serialize';

interface ConfirmShipmentBody {
  marketplaceId: string;
  packageDetail: {
    packageReferenceId: string;
    carrierCode: string;
    carrierName?: string;
    shippingMethod?: string;
    trackingNumber: string;
    shipDate: string;
    orderItems: { orderItemId: string; quantity: number }[];
  };
}

/** The body's shape is the model's, checked before the route runs; these are Amazon's rules beyond it. */
function parsePackage(order: AmazonOrder, body: unknown, marketplaceId: string, now: number): AmazonPackage {
  const b = body as ConfirmShipmentBody;
  if (b.marketplaceId !== marketplaceId)
    throw invalidInput(`marketplaceId ${b.marketplaceId} does not match the order's marketplace ${marketplaceId}`);
  const p = b.packageDetail;
  const { packageReferenceId, carrierCode, trackingNumber } = p;
  if (!/^[1-9]\d*$/.test(packageReferenceId))
    throw invalidInput('packageDetail.packageReferenceId must be a positive number, e.g. "1"');
  if (!AMAZON_CARRIER_CODES.includes(carrierCode)) {
    throw invalidInput(
      `packageDetail.carrierCode ${carrierCode} is not a valid carrier code (exact case and spaces, e.g. "UPS", "FedEx", "USPS"); use "Other" with carrierName`,
    );
  }
  const carrierName = p.carrierName?.trim() ? p.carrierName : undefined;
  if (carrierCode === 'Other' && !carrierName)
    throw invalidInput('packageDetail.carrierName is required when carrierCode is Other');
  const shape = TRACKING_SHAPES[carrierCode] ?? GENERIC_TRACKING;
  if (!shape.test(trackingNumber))
    throw invalidInput(`packageDetail.trackingNumber ${trackingNumber} is not a valid ${carrierCode} tracking number`);
  const shipTime = Date.parse(p.shipDate);
  if (shipTime < order.createdTime) throw invalidInput('packageDetail.shipDate cannot be before the order was placed');
  if (shipTime > now + 24 * 3600 * 1000) throw invalidInput('packageDetail.shipDate cannot be in the future');
  if (p.orderItems.length === 0) throw invalidInput('packageDetail.orderItems must list at least one item');
  const bad = p.orderItems.findIndex((i) => i.quantity < 1);
  if (bad >= 0) throw invalidInput(`packageDetail.orderItems[${bad}].quantity must be a positive integer`);
  const items = p.orderItems.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity }));
  return {
    packageReferenceId,
    carrierCode,
    ...(carrierName ? { carrierName } : {}),
    ...(p.shippingMethod !== undefined ? { shippingMethod: p.shippingMethod } : {}),
    trackingNumber,
    shipTime,
    createdTime: now,
    status: 'SHIPPED',
    items,
  };
}

/**
 * v0 `confirmShipment`, one package per call: partial quantities allowed, never more than is unshipped.
 * Sending a known packageReferenceId again replaces that package (Amazon lets sellers correct a shipment).
 */
export function applyConfirmShipment(order: AmazonOrder, body: unknown, now: number): void {
  if (order.fulfilledBy !== 'MERCHANT')
    throw invalidInput(`Order ${order.orderId} is fulfilled by Amazon; shipments cannot be confirmed by the seller`);
  if (fulfillmentStatus(order) === 'CANCELLED') throw invalidInput(`Order ${order.orderId} is cancelled`);
  const pkg = parsePackage(order, body, order.marketplaceId, now);
  const others = order.packages.filter((p) => p.packageReferenceId !== pkg.packageReferenceId);
  for (const line of pkg.items) {
    const item = order.items.find((i) => i.orderItemId === line.orderItemId);
    if (!item) throw invalidInput(`orderItemId ${line.orderItemId} does not belong to order ${order.orderId}`);
    const shippedElsewhere = others
      .flatMap((p) => p.items)
      .filter((i) => i.orderItemId === line.orderItemId)
      .reduce((s, i) => s + i.quantity, 0);
    const inThisPackage = pkg.items
      .filter((i) => i.orderItemId === line.orderItemId)
      .reduce((s, i) => s + i.quantity, 0);
    const open = item.quantity - item.quantityCancelled - shippedElsewhere;
    if (inThisPackage > open)
      throw invalidInput(
        `Quantity ${inThisPackage} for orderItemId ${line.orderItemId} exceeds the ${open} unit(s) not yet shipped`,
      );
  }
  order.packages = [...others, pkg];
  for (const item of order.items) {
    item.quantityShipped = order.packages
      .flatMap((p) => p.items)
      .filter((i) => i.orderItemId === item.orderItemId)
      .reduce((s, i) => s + i.quantity, 0);
  }
  order.lastUpdatedTime = now;
}
