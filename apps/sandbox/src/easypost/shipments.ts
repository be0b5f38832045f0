import type { AmazonOrder, McfOrder, WalmartOrder } from '../state/types';
import type { EasyPostPlace } from './types';

/** A package a channel's code recorded as shipped: the carrier receives it and the simulator scripts its scans. */
export interface ShippedPackage {
  carrier: string;
  trackingCode: string;
  shippedAt: number;
  shipTo: EasyPostPlace;
}

function place(city: string | undefined, state: string, zip: string, country: string): EasyPostPlace {
  return { city: (city ?? '').toUpperCase(), state: state.toUpperCase(), zip: zip.slice(0, 5), country };
}

export function walmartPackages(order: WalmartOrder): ShippedPackage[] {
  const a = order.address;
  const shipTo = place(a.city, a.state, a.postalCode, a.country === 'USA' ? 'US' : a.country);
  return order.lines.flatMap((line) =>
    line.buckets.flatMap((b) =>
      b.tracking && (b.status === 'Shipped' || b.status === 'Delivered')
        ? [
            {
              carrier: b.tracking.carrier ?? b.tracking.otherCarrier ?? '',
              trackingCode: b.tracking.trackingNumber,
              shippedAt: b.shippedAt ?? b.tracking.shipDateTime,
              shipTo,
            },
          ]
        : [],
    ),
  );
}

export function amazonPackages(order: AmazonOrder): ShippedPackage[] {
  const a = order.address;
  const shipTo = place(a.city, a.stateOrRegion, a.postalCode, a.countryCode);
  return order.packages.map((p) => ({
    carrier: p.carrierName && p.carrierCode === 'Other' ? p.carrierName : p.carrierCode,
    trackingCode: p.trackingNumber,
    shippedAt: p.shipTime,
    shipTo,
  }));
}

export function mcfPackages(order: McfOrder): ShippedPackage[] {
  const a = order.destinationAddress;
  const shipTo = place(a.city, a.stateOrRegion, a.postalCode, a.countryCode);
  return order.shipments.flatMap((s) =>
    s.status === 'SHIPPED'
      ? s.packages.map((p) => ({
          carrier: p.carrierCode,
          trackingCode: p.trackingNumber,
          shippedAt: s.shippingDate,
          shipTo,
        }))
      : [],
  );
}
