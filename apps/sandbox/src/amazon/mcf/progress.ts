import { type GeneratedCarrier, trackingFor } from '../../generator/tracking';
import { Random, hashString } from '../../random';
import type { AccountData, McfOrder, McfPackage } from '../../state/types';
import { HOLD_AUTO_CANCEL_MS, MCF_TIMELINE } from './features';
import { releaseInventory } from './create';

const TERMINAL = new Set(['Cancelled', 'Complete', 'CompletePartialled', 'Unfulfillable', 'Invalid']);
const FULFILLMENT_CENTERS: readonly [string, string, string][] = [
  ['PHX7', 'Phoenix', 'AZ'],
  ['ONT8', 'Moreno Valley', 'CA'],
  ['SDF8', 'Jeffersonville', 'IN'],
  ['BWI2', 'Baltimore', 'MD'],
  ['DFW7', 'Fort Worth', 'TX'],
  ['MDW2', 'Joliet', 'IL'],
  ['TPA1', 'Ruskin', 'FL'],
  ['SEA8', 'Kent', 'WA'],
];
const NON_AMZL: readonly GeneratedCarrier[] = ['UPS', 'USPS', 'FedEx'];
/** Share of orders Amazon routes through its own network when the seller did not block it. */
const AMZL_SHARE = 0.6;

export function blocksAmzl(constraints: McfOrder['featureConstraints']): boolean {
  return constraints.some((f) => f.featureName === 'BLOCK_AMZL' && f.featureFulfillmentPolicy === 'Required');
}

function carrierFor(order: McfOrder, random: Random): GeneratedCarrier {
  if (!blocksAmzl(order.featureConstraints) && random.chance(AMZL_SHARE)) return 'AMZL_US';
  return random.pick(NON_AMZL);
}

function setStatus(order: McfOrder, status: McfOrder['status'], at: number): void {
  order.status = status;
  order.statusUpdatedDate = at;
}

/** Picking has begun: one shipment from a fulfillment center, PENDING, with its estimated dates. */
function startProcessing(order: McfOrder, at: number, random: Random): void {
  const t = MCF_TIMELINE[order.shippingSpeedCategory];
  const [fc] = random.pick(FULFILLMENT_CENTERS);
  const shippingDate = order.receivedDate + t.shipped;
  order.shipments.push({
    amazonShipmentId: `T${random.alnum(8, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}`,
    fulfillmentCenterId: fc,
    status: 'PENDING',
    shippingDate,
    estimatedArrivalDate: shippingDate + t.transitDays * 24 * 3600 * 1000,
    items: order.items
      .filter((i) => i.reserved > 0)
      .map((i) => ({
        sellerSku: i.sellerSku,
        sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId,
        quantity: i.reserved,
      })),
    packages: [],
  });
  setStatus(order, 'Processing', at);
}

/** Every package leaves the warehouse: carrier assigned (AMZL only if not blocked), tracking number, first carrier events. */
function ship(data: AccountData, order: McfOrder, at: number, random: Random): void {
  for (const shipment of order.shipments.filter((s) => s.status === 'PENDING')) {
    const [, city, state] =
      FULFILLMENT_CENTERS.find(([id]) => id === shipment.fulfillmentCenterId) ?? FULFILLMENT_CENTERS[0];
    const units = shipment.items.reduce((s, i) => s + i.quantity, 0);
    const packageCount = units > 6 ? 2 : 1;
    const packages: McfPackage[] = [];
    for (let n = 0; n < packageCount; n += 1) {
      data.sequence += 1;
      const carrier = carrierFor(order, random);
      packages.push({
        packageNumber: 100000000 + data.sequence,
        carrierCode: carrier,
        trackingNumber: trackingFor(carrier, random),
        estimatedArrivalDate: shipment.estimatedArrivalDate,
        delivered: false,
        events: [
          {
            eventDate: at,
            eventCode: 'EVENT_101',
            eventDescription: 'Carrier notified to pick up package.',
            city,
            state,
          },
          {
            eventDate: at + 3600 * 1000,
            eventCode: 'EVENT_102',
            eventDescription: "Shipment picked up from seller's facility.",
            city,
            state,
          },
        ],
      });
    }
    shipment.items = shipment.items.map((item, i) => ({
      ...item,
      packageNumber: packages[i % packageCount].packageNumber,
    }));
    shipment.packages = packages;
    shipment.status = 'SHIPPED';
    shipment.shippingDate = at;
  }
  for (const item of order.items) item.reserved = 0;
  const partial = order.items.some((i) => i.unfulfillableQuantity > 0 || i.cancelledQuantity > 0);
  setStatus(order, partial ? 'CompletePartialled' : 'Complete', at);
}

/**
 * Moves a fulfillment order along the sandbox clock: Received → Planning → Processing → Complete
 * (or CompletePartialled). Each step is stamped with the time it would have happened, not the time it was observed.
 */
export function advanceMcfOrder(
  data: AccountData,
  order: McfOrder,
  now: number,
  onShipped?: (order: McfOrder) => void,
  onStatus?: (order: McfOrder, at: number) => void,
): void {
  if (TERMINAL.has(order.status)) return;
  const changed = onStatus ? () => onStatus(order, order.statusUpdatedDate) : undefined;
  const random = new Random(hashString(`${data.account.id}/${order.sellerFulfillmentOrderId}`));
  if (order.fulfillmentAction === 'Hold') {
    if (now - order.receivedDate >= HOLD_AUTO_CANCEL_MS) {
      releaseInventory(data, order);
      setStatus(order, 'Cancelled', order.receivedDate + HOLD_AUTO_CANCEL_MS);
      changed?.();
    }
    return;
  }
  const t = MCF_TIMELINE[order.shippingSpeedCategory];
  const start = order.receivedDate;
  if (order.status === 'Received' && now >= start + t.planning) {
    setStatus(order, 'Planning', start + t.planning);
    changed?.();
  }
  if (order.status === 'Planning' && now >= start + t.processing) {
    startProcessing(order, start + t.processing, random);
    changed?.();
  }
  if (order.status === 'Processing' && now >= start + t.shipped) {
    ship(data, order, start + t.shipped, random);
    onShipped?.(order);
    changed?.();
  }
}

/**
 * `onShipped` hears of each order whose packages left the warehouse (the carrier now has them); `onStatus` of each
 * order whose status changed (what Amazon's FULFILLMENT_ORDER_STATUS notification announces).
 */
export function advanceMcfOrders(
  data: AccountData,
  now: number,
  onShipped?: (order: McfOrder) => void,
  onStatus?: (order: McfOrder, at: number) => void,
): void {
  for (const order of data.mcfOrders.values()) advanceMcfOrder(data, order, now, onShipped, onStatus);
}
