import type { Channel } from '@order-hub/types';
import type { AccountData } from '../state/types';

export type PackageEventType = 'SCANNED' | 'DELIVERED';

/**
 * Applies a carrier event to whichever package carries the tracking number: a Walmart shipped bucket
 * becomes Delivered, an Amazon package moves to IN_TRANSIT or DELIVERED, an MCF package gains a tracking event.
 */
export function recordPackageEvent(
  data: AccountData,
  trackingNumber: string,
  type: PackageEventType,
  now: number,
): { channel: Channel; orderId: string } | null {
  for (const order of data.walmartOrders.values()) {
    for (const line of order.lines) {
      const bucket = line.buckets.find(
        (b) => b.tracking?.trackingNumber === trackingNumber && (b.status === 'Shipped' || b.status === 'Delivered'),
      );
      if (!bucket) continue;
      if (type === 'DELIVERED' && bucket.status === 'Shipped') {
        bucket.status = 'Delivered';
        line.statusDate = now;
        order.lastModified = now;
      }
      return { channel: 'WALMART', orderId: order.purchaseOrderId };
    }
  }
  for (const order of data.amazonOrders.values()) {
    const pkg = order.packages.find((p) => p.trackingNumber === trackingNumber);
    if (!pkg) continue;
    if (pkg.status !== 'DELIVERED') pkg.status = type === 'DELIVERED' ? 'DELIVERED' : 'IN_TRANSIT';
    order.lastUpdatedTime = now;
    return { channel: 'AMAZON', orderId: order.orderId };
  }
  for (const mcf of data.mcfOrders.values()) {
    const pkg = mcf.shipments.flatMap((s) => s.packages).find((p) => p.trackingNumber === trackingNumber);
    if (!pkg) continue;
    if (!pkg.delivered) {
      const city = mcf.destinationAddress.city ?? '';
      const state = mcf.destinationAddress.stateOrRegion;
      pkg.events.push(
        type === 'DELIVERED'
          ? { eventDate: now, eventCode: 'EVENT_301', eventDescription: 'Delivered.', city, state }
          : { eventDate: now, eventCode: 'EVENT_201', eventDescription: 'Arrived at carrier facility.', city, state },
      );
      pkg.delivered = type === 'DELIVERED';
    }
    return { channel: 'AMAZON', orderId: mcf.sellerFulfillmentOrderId };
  }
  return null;
}
