import type { McfAddress } from '@order-hub/types';
import type { AmazonClient } from './amazon-client';
import { getMcfSkuStock, type McfSkuStock } from './amazon-mcf-inventory';

const BASE = '/fba/outbound/2020-07-01';

export interface McfPreview {
  shippingSpeedCategory: string;
  isFulfillable: boolean;
  latestArrivalDate: string | null;
  unfulfillable: string[];
}

export interface McfPackageView {
  packageNumber: number;
  carrierCode: string;
  trackingNumber: string | null;
}

export interface McfOrderView {
  status: string;
  shipments: {
    amazonShipmentId: string;
    status: string;
    shippingDate: string | null;
    packages: McfPackageView[];
    items: { sellerFulfillmentOrderItemId: string; quantity: number; packageNumber: number | null }[];
  }[];
}

export interface McfTrackingEvent {
  eventCode: string;
  eventDate: string;
  eventDescription: string;
}

/**
 * Tracking event codes (Fulfillment Outbound 2020-07-01 `EventCode`) that show a carrier physically handling the parcel:
 * picked up, arrival/departure/in-transit scans, customs, out for delivery, delivery attempts and deliveries, holds and
 * returns in the carrier's hands. Left out: EVENT_101 "Carrier notified to pick up package" (a label, no parcel yet),
 * and notices that are not scans (306 customer contacted, 307 appointment, 403 customer moved, 404 external delay,
 * 409 lost, 411 paperwork without the shipment, 418 delayed, 419 address corrected).
 */
export const MCF_CARRIER_SCAN_CODES: ReadonlySet<string> = new Set([
  'EVENT_102',
  'EVENT_201',
  'EVENT_202',
  'EVENT_203',
  'EVENT_204',
  'EVENT_205',
  'EVENT_206',
  'EVENT_301',
  'EVENT_302',
  'EVENT_304',
  'EVENT_308',
  'EVENT_309',
  'EVENT_401',
  'EVENT_402',
  'EVENT_405',
  'EVENT_406',
  'EVENT_407',
  'EVENT_408',
  'EVENT_412',
  'EVENT_413',
  'EVENT_414',
  'EVENT_415',
  'EVENT_416',
  'EVENT_417',
  'EVENT_801',
  'EVENT_804',
]);

/** Delivered, to the address (EVENT_301) or to a locker (EVENT_801). */
export const MCF_DELIVERED_CODES: ReadonlySet<string> = new Set(['EVENT_301', 'EVENT_801']);

/** Events oldest first, whatever order the response lists them in (Amazon's own example lists them newest first). */
export function byEventTime(events: readonly McfTrackingEvent[]): McfTrackingEvent[] {
  return [...events].sort((a, b) => Date.parse(a.eventDate) - Date.parse(b.eventDate));
}

/** The earliest event that is a carrier scan; undefined while the parcel only has a label. */
export function firstCarrierScan(events: readonly McfTrackingEvent[]): McfTrackingEvent | undefined {
  return byEventTime(events).find((e) => MCF_CARRIER_SCAN_CODES.has(e.eventCode.toUpperCase()));
}

/** The earliest delivery event. */
export function deliveryEvent(events: readonly McfTrackingEvent[]): McfTrackingEvent | undefined {
  return byEventTime(events).find((e) => MCF_DELIVERED_CODES.has(e.eventCode.toUpperCase()));
}

/** Fulfillment Outbound 2020-07-01, as far as MCF for other channels needs it. Status strings are compared case-insensitively. */
export class AmazonMcf {
  constructor(
    private readonly client: AmazonClient,
    private readonly marketplaceId: string,
  ) {}

  async preview(
    address: McfAddress,
    items: { sellerSku: string; sellerFulfillmentOrderItemId: string; quantity: number }[],
    featureConstraints: unknown[],
  ): Promise<McfPreview[]> {
    const body = { marketplaceId: this.marketplaceId, address, items, featureConstraints };
    const res = await this.client.read('getFulfillmentPreview', 'POST', `${BASE}/fulfillmentOrders/preview`, body);
    const previews = ((res.body as { payload?: { fulfillmentPreviews?: unknown[] } }).payload?.fulfillmentPreviews ??
      []) as {
      shippingSpeedCategory: string;
      isFulfillable: boolean;
      fulfillmentPreviewShipments?: { latestArrivalDate?: string }[];
      unfulfillablePreviewItems?: { sellerSku: string; itemUnfulfillableReasons?: string[] }[];
      orderUnfulfillableReasons?: string[];
    }[];
    return previews.map((p) => ({
      shippingSpeedCategory: p.shippingSpeedCategory,
      isFulfillable: p.isFulfillable,
      latestArrivalDate:
        p.fulfillmentPreviewShipments
          ?.map((s) => s.latestArrivalDate)
          .filter(Boolean)
          .sort()
          .at(-1) ?? null,
      unfulfillable: [
        ...(p.unfulfillablePreviewItems ?? []).map(
          (i) => `${i.sellerSku}: ${(i.itemUnfulfillableReasons ?? ['unfulfillable']).join(', ')}`,
        ),
        ...(p.orderUnfulfillableReasons ?? []),
      ],
    }));
  }

  /** The order as Amazon holds it, or null when Amazon does not know it. */
  async get(sellerFulfillmentOrderId: string): Promise<McfOrderView | null> {
    const res = await this.client
      .get('getFulfillmentOrder', `${BASE}/fulfillmentOrders/${encodeURIComponent(sellerFulfillmentOrderId)}`)
      .catch((err: { kind?: string }) => {
        if (err.kind === 'NOT_FOUND') return null;
        throw err;
      });
    if (!res) return null;
    const payload = (
      res.body as {
        payload: { fulfillmentOrder: { fulfillmentOrderStatus: string }; fulfillmentShipments?: unknown[] };
      }
    ).payload;
    const shipments = (payload.fulfillmentShipments ?? []) as {
      amazonShipmentId: string;
      fulfillmentShipmentStatus: string;
      shippingDate?: string;
      fulfillmentShipmentPackage?: { packageNumber: number; carrierCode: string; trackingNumber?: string }[];
      fulfillmentShipmentItem?: { sellerFulfillmentOrderItemId: string; quantity: number; packageNumber?: number }[];
    }[];
    return {
      status: payload.fulfillmentOrder.fulfillmentOrderStatus,
      shipments: shipments.map((s) => ({
        amazonShipmentId: s.amazonShipmentId,
        status: s.fulfillmentShipmentStatus.toUpperCase(),
        shippingDate: s.shippingDate ?? null,
        packages: (s.fulfillmentShipmentPackage ?? []).map((p) => ({
          packageNumber: p.packageNumber,
          carrierCode: p.carrierCode,
          trackingNumber: p.trackingNumber ?? null,
        })),
        items: (s.fulfillmentShipmentItem ?? []).map((i) => ({
          sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId,
          quantity: i.quantity,
          packageNumber: i.packageNumber ?? null,
        })),
      })),
    };
  }

  /** Units of the seller SKU Amazon can fulfil through MCF with the feature (getFeatureSKU). */
  stock(featureName: string, sellerSku: string): Promise<McfSkuStock> {
    return getMcfSkuStock(this.client, this.marketplaceId, featureName, sellerSku);
  }

  async tracking(packageNumber: number): Promise<McfTrackingEvent[]> {
    const res = await this.client.get('getPackageTrackingDetails', `${BASE}/tracking?packageNumber=${packageNumber}`);
    return mapMcfTrackingEvents(res.body);
  }

  paths = {
    create: `${BASE}/fulfillmentOrders`,
    cancel: (id: string) => `${BASE}/fulfillmentOrders/${encodeURIComponent(id)}/cancel`,
  };
}

/** getPackageTrackingDetails' events, oldest first. */
export function mapMcfTrackingEvents(body: unknown): McfTrackingEvent[] {
  const events = (body as { payload?: { trackingEvents?: McfTrackingEvent[] } }).payload?.trackingEvents ?? [];
  return byEventTime(
    events.map((e) => ({ eventCode: e.eventCode, eventDate: e.eventDate, eventDescription: e.eventDescription })),
  );
}
