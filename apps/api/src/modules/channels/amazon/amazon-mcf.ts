import type { McfAddress } from '@order-hub/types';
import type { AmazonClient } from './amazon-client';

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

/** Fulfillment Outbound 2020-07-01, as far as MCF for other channels needs it. Status strings are compared case-insensitively. */
export class AmazonMcf {
  constructor(
    private readonly client: AmazonClient,
    private readonly marketplaceId: string,
  ) {}

  async preview(address: McfAddress, items: { sellerSku: string; sellerFulfillmentOrderItemId: string; quantity: number }[], featureConstraints: unknown[]): Promise<McfPreview[]> {
    const body = { marketplaceId: this.marketplaceId, address, items, featureConstraints };
    const res = await this.client.read('getFulfillmentPreview', 'POST', `${BASE}/fulfillmentOrders/preview`, body);
    const previews = ((res.body as { payload?: { fulfillmentPreviews?: unknown[] } }).payload?.fulfillmentPreviews ?? []) as {
      shippingSpeedCategory: string;
      isFulfillable: boolean;
      fulfillmentPreviewShipments?: { latestArrivalDate?: string }[];
      unfulfillablePreviewItems?: { sellerSku: string; itemUnfulfillableReasons?: string[] }[];
      orderUnfulfillableReasons?: string[];
    }[];
    return previews.map((p) => ({
      shippingSpeedCategory: p.shippingSpeedCategory,
      isFulfillable: p.isFulfillable,
      latestArrivalDate: p.fulfillmentPreviewShipments?.map((s) => s.latestArrivalDate).filter(Boolean).sort().at(-1) ?? null,
      unfulfillable: [
        ...(p.unfulfillablePreviewItems ?? []).map((i) => `${i.sellerSku}: ${(i.itemUnfulfillableReasons ?? ['unfulfillable']).join(', ')}`),
        ...(p.orderUnfulfillableReasons ?? []),
      ],
    }));
  }

  /** The order as Amazon holds it, or null when Amazon does not know it. */
  async get(sellerFulfillmentOrderId: string): Promise<McfOrderView | null> {
    const res = await this.client.get('getFulfillmentOrder', `${BASE}/fulfillmentOrders/${encodeURIComponent(sellerFulfillmentOrderId)}`).catch((err: { kind?: string }) => {
      if (err.kind === 'NOT_FOUND') return null;
      throw err;
    });
    if (!res) return null;
    const payload = (res.body as { payload: { fulfillmentOrder: { fulfillmentOrderStatus: string }; fulfillmentShipments?: unknown[] } }).payload;
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
        packages: (s.fulfillmentShipmentPackage ?? []).map((p) => ({ packageNumber: p.packageNumber, carrierCode: p.carrierCode, trackingNumber: p.trackingNumber ?? null })),
        items: (s.fulfillmentShipmentItem ?? []).map((i) => ({ sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId, quantity: i.quantity, packageNumber: i.packageNumber ?? null })),
      })),
    };
  }

  async tracking(packageNumber: number): Promise<McfTrackingEvent[]> {
    const res = await this.client.get('getPackageTrackingDetails', `${BASE}/tracking?packageNumber=${packageNumber}`);
    return ((res.body as { payload?: { trackingEvents?: McfTrackingEvent[] } }).payload?.trackingEvents ?? []).map((e) => ({ eventCode: e.eventCode, eventDate: e.eventDate, eventDescription: e.eventDescription }));
  }

  paths = {
    create: `${BASE}/fulfillmentOrders`,
    cancel: (id: string) => `${BASE}/fulfillmentOrders/${encodeURIComponent(id)}/cancel`,
  };
}
