import type { McfOrder, McfPackage } from '../../state/types';
import { iso } from '../validate';

/** `getFulfillmentOrder` payload: the order, its items, and its shipments with packages once picked. */
export function serializeMcfOrder(order: McfOrder) {
  return {
    fulfillmentOrder: {
      sellerFulfillmentOrderId: order.sellerFulfillmentOrderId,
      marketplaceId: order.marketplaceId,
      displayableOrderId: order.displayableOrderId,
      displayableOrderDate: order.displayableOrderDate,
      displayableOrderComment: order.displayableOrderComment,
      shippingSpeedCategory: order.shippingSpeedCategory,
      destinationAddress: { ...order.destinationAddress },
      fulfillmentAction: order.fulfillmentAction,
      fulfillmentPolicy: order.fulfillmentPolicy,
      receivedDate: iso(order.receivedDate),
      fulfillmentOrderStatus: order.status,
      statusUpdatedDate: iso(order.statusUpdatedDate),
      ...(order.notificationEmails ? { notificationEmails: order.notificationEmails } : {}),
      featureConstraints: order.featureConstraints,
    },
    fulfillmentOrderItems: order.items.map((i) => ({
      sellerSku: i.sellerSku,
      sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId,
      quantity: i.quantity,
      cancelledQuantity: i.cancelledQuantity,
      unfulfillableQuantity: i.unfulfillableQuantity,
      ...(order.shipments[0]
        ? {
            estimatedShipDate: iso(order.shipments[0].shippingDate),
            estimatedArrivalDate: iso(order.shipments[0].estimatedArrivalDate),
          }
        : {}),
    })),
    ...(order.shipments.length > 0
      ? {
          fulfillmentShipments: order.shipments.map((s) => ({
            amazonShipmentId: s.amazonShipmentId,
            fulfillmentCenterId: s.fulfillmentCenterId,
            fulfillmentShipmentStatus: s.status,
            shippingDate: iso(s.shippingDate),
            estimatedArrivalDate: iso(s.estimatedArrivalDate),
            fulfillmentShipmentItem: s.items.map((i) => ({ ...i })),
            ...(s.packages.length > 0
              ? {
                  fulfillmentShipmentPackage: s.packages.map((p) => ({
                    packageNumber: p.packageNumber,
                    carrierCode: p.carrierCode,
                    trackingNumber: p.trackingNumber,
                    estimatedArrivalDate: iso(p.estimatedArrivalDate),
                  })),
                }
              : {}),
          })),
        }
      : {}),
    returnItems: [],
    returnAuthorizations: [],
  };
}

const CARRIER_SITES: Record<string, [string, string]> = {
  UPS: ['https://www.ups.com/track', '1-800-742-5877'],
  USPS: ['https://tools.usps.com/go/TrackConfirmAction', '1-800-275-8777'],
  FedEx: ['https://www.fedex.com/fedextrack', '1-800-463-3339'],
  AMZL_US: ['https://track.amazon.com', '1-877-252-1055'],
};

/**
 * `getPackageTrackingDetails` payload; only events whose time has come on the sandbox clock are shown, newest
 * first as in the model's example.
 */
export function serializeTracking(order: McfOrder, pkg: McfPackage, shipDate: number, now: number) {
  const events = pkg.events.filter((e) => e.eventDate <= now).sort((a, b) => a.eventDate - b.eventDate);
  const last = events[events.length - 1];
  const [carrierURL, carrierPhoneNumber] = CARRIER_SITES[pkg.carrierCode] ?? ['https://www.swiship.com/track', ''];
  return {
    packageNumber: pkg.packageNumber,
    trackingNumber: pkg.trackingNumber,
    customerTrackingLink: `https://www.swiship.com/track?id=${encodeURIComponent(pkg.trackingNumber)}`,
    carrierCode: pkg.carrierCode,
    carrierPhoneNumber,
    carrierURL,
    shipDate: iso(shipDate),
    estimatedArrivalDate: iso(pkg.estimatedArrivalDate),
    shipToAddress: {
      city: order.destinationAddress.city ?? '',
      state: order.destinationAddress.stateOrRegion,
      country: order.destinationAddress.countryCode,
    },
    currentStatus: pkg.delivered ? 'DELIVERED' : 'IN_TRANSIT',
    currentStatusDescription: last?.eventDescription ?? 'Shipment information sent to carrier.',
    trackingEvents: [...events].reverse().map((e) => ({
      eventDate: iso(e.eventDate),
      eventAddress: { city: e.city, state: e.state, country: 'US' },
      eventCode: e.eventCode,
      eventDescription: e.eventDescription,
    })),
  };
}
