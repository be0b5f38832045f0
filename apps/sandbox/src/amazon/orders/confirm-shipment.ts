import type { AmazonOrder, AmazonPackage } from '../../state/types';
import { AMAZON_CARRIER_CODES, GENERIC_TRACKING, TRACKING_SHAPES } from '../carriers';
import { invalidInput } from '../errors';
import { arr, isoDateTime, obj, positiveInt, req, str } from '../validate';
import { fulfillmentStatus } from './serialize';

function parsePackage(order: AmazonOrder, body: unknown, marketplaceId: string, now: number): AmazonPackage {
  const b = obj(body, 'body');
  if (req(b.marketplaceId, 'marketplaceId') !== marketplaceId) throw invalidInput(`marketplaceId ${String(b.marketplaceId)} does not match the order's marketplace ${marketplaceId}`);
  const p = obj(b.packageDetail, 'packageDetail');
  const packageReferenceId = req(p.packageReferenceId, 'packageDetail.packageReferenceId');
  if (!/^[1-9]\d*$/.test(packageReferenceId)) throw invalidInput('packageDetail.packageReferenceId must be a positive number, e.g. "1"');
  const carrierCode = req(p.carrierCode, 'packageDetail.carrierCode');
  if (!AMAZON_CARRIER_CODES.includes(carrierCode)) {
    throw invalidInput(`packageDetail.carrierCode ${carrierCode} is not a valid carrier code (exact case and spaces, e.g. "UPS", "FedEx", "USPS"); use "Other" with carrierName`);
  }
  const carrierName = str(p.carrierName, 'packageDetail.carrierName', { optional: true, max: 100 });
  if (carrierCode === 'Other' && !carrierName) throw invalidInput('packageDetail.carrierName is required when carrierCode is Other');
  const trackingNumber = req(p.trackingNumber, 'packageDetail.trackingNumber', { max: 40 });
  const shape = TRACKING_SHAPES[carrierCode] ?? GENERIC_TRACKING;
  if (!shape.test(trackingNumber)) throw invalidInput(`packageDetail.trackingNumber ${trackingNumber} is not a valid ${carrierCode} tracking number`);
  const shipTime = isoDateTime(p.shipDate, 'packageDetail.shipDate');
  if (shipTime < order.createdTime) throw invalidInput('packageDetail.shipDate cannot be before the order was placed');
  if (shipTime > now + 24 * 3600 * 1000) throw invalidInput('packageDetail.shipDate cannot be in the future');
  const items = arr(p.orderItems, 'packageDetail.orderItems').map((raw, i) => {
    const it = obj(raw, `packageDetail.orderItems[${i}]`);
    return { orderItemId: req(it.orderItemId, `packageDetail.orderItems[${i}].orderItemId`), quantity: positiveInt(it.quantity, `packageDetail.orderItems[${i}].quantity`) };
  });
  return {
    packageReferenceId,
    carrierCode,
    ...(carrierName ? { carrierName } : {}),
    ...(typeof p.shippingMethod === 'string' ? { shippingMethod: p.shippingMethod } : {}),
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
  if (order.fulfilledBy !== 'MERCHANT') throw invalidInput(`Order ${order.orderId} is fulfilled by Amazon; shipments cannot be confirmed by the seller`);
  if (fulfillmentStatus(order) === 'CANCELLED') throw invalidInput(`Order ${order.orderId} is cancelled`);
  const pkg = parsePackage(order, body, order.marketplaceId, now);
  const others = order.packages.filter((p) => p.packageReferenceId !== pkg.packageReferenceId);
  for (const line of pkg.items) {
    const item = order.items.find((i) => i.orderItemId === line.orderItemId);
    if (!item) throw invalidInput(`orderItemId ${line.orderItemId} does not belong to order ${order.orderId}`);
    const shippedElsewhere = others.flatMap((p) => p.items).filter((i) => i.orderItemId === line.orderItemId).reduce((s, i) => s + i.quantity, 0);
    const inThisPackage = pkg.items.filter((i) => i.orderItemId === line.orderItemId).reduce((s, i) => s + i.quantity, 0);
    const open = item.quantity - item.quantityCancelled - shippedElsewhere;
    if (inThisPackage > open) throw invalidInput(`Quantity ${inThisPackage} for orderItemId ${line.orderItemId} exceeds the ${open} unit(s) not yet shipped`);
  }
  order.packages = [...others, pkg];
  for (const item of order.items) {
    item.quantityShipped = order.packages.flatMap((p) => p.items).filter((i) => i.orderItemId === item.orderItemId).reduce((s, i) => s + i.quantity, 0);
  }
  order.lastUpdatedTime = now;
}
