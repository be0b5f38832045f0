// Amazon Shipping API v2 in the sandbox: purchases (Amazon confirms the order's shipment), label documents, cancel
// and tracking.
import type { SandboxContext } from '../../context';
import { labelFile } from '../../easypost/label-files';
import { parcelScript } from '../../easypost/script';
import { visibleScans } from '../../easypost/serialize';
import { amazonPackages } from '../../easypost/shipments';
import type { AccountData } from '../../state/types';
import { invalidInput, notFound } from '../errors';
import { applyConfirmShipment } from '../orders/confirm-shipment';
import { type BoughtShipment, type RateRequest, serviceOf, shippingState, takeShippingFault } from './state';
import { type Format, type PurchaseBody, id, refused } from './shipping-rates';

function documentContents(s: BoughtShipment, format: Format): string {
  return labelFile(format, {
    carrier: serviceOf(s.rate).carrierName,
    service: serviceOf(s.rate).serviceName,
    trackingCode: s.trackingId,
    from: [s.shipFrom.name, ...s.shipFrom.lines],
    to: [s.shipTo.name, ...s.shipTo.lines],
  }).toString('base64');
}

export function documentDetail(s: BoughtShipment, format: Format) {
  return {
    packageClientReferenceId: s.packageClientReferenceId,
    trackingId: s.trackingId,
    packageDocuments: [{ type: 'LABEL', format, contents: documentContents(s, format) }],
  };
}

function purchaseResult(s: BoughtShipment) {
  return {
    payload: {
      shipmentId: s.shipmentId,
      packageDocumentDetails: [documentDetail(s, s.format)],
      promise: s.rate.promise,
      benefits: { includedBenefits: ['CLAIMS_PROTECTED'], excludedBenefits: [] },
    },
  };
}

/** Buy Shipping confirms the shipment on the order itself: the package is recorded as a seller's confirmation would. */
function confirmOnOrder(ctx: SandboxContext, data: AccountData, s: BoughtShipment, items: RateRequest['items']) {
  if (!s.orderId) return;
  const order = data.amazonOrders.get(s.orderId);
  if (!order) throw invalidInput(`Order ${s.orderId} is no longer an order of this seller`);
  const draft = structuredClone(order);
  const next = 1 + Math.max(0, ...draft.packages.map((p) => Number(p.packageReferenceId) || 0));
  const service = serviceOf(s.rate);
  applyConfirmShipment(
    draft,
    {
      marketplaceId: draft.marketplaceId,
      packageDetail: {
        packageReferenceId: String(next),
        carrierCode: service.confirmCarrier,
        ...(service.confirmCarrier === 'Other' ? { carrierName: service.carrierName } : {}),
        shippingMethod: service.serviceName,
        trackingNumber: s.trackingId,
        shipDate: new Date(s.purchasedAt).toISOString(),
        orderItems: items,
      },
    },
    s.purchasedAt,
  );
  s.packageReferenceId = String(next);
  data.amazonOrders.set(draft.orderId, draft);
  for (const shipped of amazonPackages(draft)) ctx.easypost.recordShipment(shipped);
  changed(ctx, data, draft.orderId);
}

function changed(ctx: SandboxContext, data: AccountData, orderId: string): void {
  ctx.changed();
  ctx.orderEvents.emit({
    channel: 'AMAZON',
    accountId: data.account.id,
    orderId,
    kind: 'CHANGED',
    at: new Date(ctx.clock.now()),
  });
}

export function purchase(
  ctx: SandboxContext,
  data: AccountData,
  body: PurchaseBody,
  idempotencyKey: string | undefined,
) {
  const state = shippingState(data);
  const now = ctx.clock.now();
  if (idempotencyKey) {
    const earlier = state.idempotency[idempotencyKey];
    if (earlier) return purchaseResult(state.shipments[earlier]);
  }
  const request = state.requests[body.requestToken];
  if (!request) throw invalidInput(`requestToken ${body.requestToken} is not a token getRates issued to this seller`);
  if (now > request.expiresAt || takeShippingFault(data, 'TOKEN_EXPIRED'))
    throw refused(
      'TOKEN_EXPIRED',
      'The requestToken has expired: rates are valid for 10 minutes. Get the rates again.',
    );
  if (request.purchasedShipmentId)
    throw invalidInput(`requestToken was already used to purchase shipment ${request.purchasedShipmentId}`);
  const rate = request.rates.find((r) => r.rateId === body.rateId);
  if (!rate) throw invalidInput(`rateId ${body.rateId} is not a rate of this requestToken`);
  const spec = body.requestedDocumentSpecification;
  const size = spec.size;
  const inches = (v: number) => (size.unit === 'CENTIMETER' ? v / 2.54 : v);
  const dims = [inches(size.width), inches(size.length)].map(Math.round).sort();
  if (dims[0] !== 4 || dims[1] !== 6)
    throw invalidInput('requestedDocumentSpecification.size must be 4x6 INCH, the size this rate supports');
  if (!spec.requestedDocumentTypes.includes('LABEL'))
    throw invalidInput('requestedDocumentSpecification.requestedDocumentTypes must include LABEL');
  if (takeShippingFault(data, 'PURCHASE_REFUSED'))
    throw refused(
      'InvalidRequest',
      `${serviceOf(rate).carrierName} declined the purchase: the payment method on the seller's shipping account was declined`,
    );
  const shipment: BoughtShipment = {
    shipmentId: id(''),
    requestToken: request.requestToken,
    rate,
    ...(request.orderId ? { orderId: request.orderId } : {}),
    packageClientReferenceId: request.packageClientReferenceId,
    trackingId: serviceOf(rate).trackingId(),
    format: spec.format as Format,
    purchasedAt: now,
    shipFrom: request.shipFrom,
    shipTo: request.shipTo,
  };
  confirmOnOrder(ctx, data, shipment, request.items);
  request.purchasedShipmentId = shipment.shipmentId;
  state.shipments[shipment.shipmentId] = shipment;
  if (idempotencyKey) state.idempotency[idempotencyKey] = shipment.shipmentId;
  return purchaseResult(shipment);
}

export function findShipment(data: AccountData, shipmentId: string): BoughtShipment {
  const s = shippingState(data).shipments[shipmentId];
  if (!s) throw notFound(`Shipment ${shipmentId} not found`);
  return s;
}

function scans(ctx: SandboxContext, s: BoughtShipment) {
  const parcel = ctx.easypost.parcel(serviceOf(s.rate).carrierName, s.trackingId);
  return parcel ? visibleScans(parcelScript(parcel), ctx.clock.now()) : [];
}

export function cancel(ctx: SandboxContext, data: AccountData, shipmentId: string) {
  const s = findShipment(data, shipmentId);
  const now = ctx.clock.now();
  if (s.cancelledAt !== undefined) throw invalidInput(`Shipment ${shipmentId} is already cancelled`);
  const scanned = scans(ctx, s).find((scan) => scan.status !== 'pre_transit');
  if (scanned || takeShippingFault(data, 'CANCEL_REFUSED'))
    throw invalidInput(
      `Shipment ${shipmentId} cannot be cancelled: the carrier scanned the package${scanned ? ` on ${new Date(scanned.at).toISOString()}` : ''}`,
    );
  const days = serviceOf(s.rate).cancelDays;
  if (days !== undefined && now > s.purchasedAt + days * 86_400_000)
    throw invalidInput(
      `Shipment ${shipmentId} cannot be cancelled: ${serviceOf(s.rate).carrierName}'s ${days}-day cancellation window has passed`,
    );
  s.cancelledAt = now;
  ctx.easypost.setFault(serviceOf(s.rate).carrierName, s.trackingId, { fault: 'NO_SCAN' });
  const order = s.orderId ? data.amazonOrders.get(s.orderId) : undefined;
  if (order && s.packageReferenceId) {
    order.packages = order.packages.filter((p) => p.packageReferenceId !== s.packageReferenceId);
    for (const item of order.items)
      item.quantityShipped = order.packages
        .flatMap((p) => p.items)
        .filter((i) => i.orderItemId === item.orderItemId)
        .reduce((sum, i) => sum + i.quantity, 0);
    order.lastUpdatedTime = now;
    changed(ctx, data, order.orderId);
  }
  return { payload: {} };
}

const EVENT_CODES: Record<string, string> = {
  pre_transit: 'ReadyForReceive',
  in_transit: 'Departed',
  out_for_delivery: 'OutForDelivery',
  delivered: 'Delivered',
  available_for_pickup: 'AvailableForPickup',
  return_to_sender: 'ReturnInitiated',
  failure: 'Undeliverable',
};

const SUMMARY: Record<string, string> = {
  ReadyForReceive: 'PreTransit',
  PickupDone: 'InTransit',
  Departed: 'InTransit',
  OutForDelivery: 'OutForDelivery',
  Delivered: 'Delivered',
  AvailableForPickup: 'AwaitingCustomerPickup',
  ReturnInitiated: 'InTransit',
  Undeliverable: 'Undeliverable',
};

export function tracking(ctx: SandboxContext, data: AccountData, trackingId: string, carrierId: string) {
  const s = Object.values(shippingState(data).shipments).find((x) => x.trackingId === trackingId);
  if (!s) throw notFound(`Tracking ${trackingId} not found`);
  if (serviceOf(s.rate).carrierId !== carrierId)
    throw invalidInput(`carrierId ${carrierId} does not match tracking ${trackingId} (${serviceOf(s.rate).carrierId})`);
  let first = true;
  const events = s.cancelledAt
    ? []
    : scans(ctx, s).map((scan) => {
        let code = EVENT_CODES[scan.status] ?? 'Departed';
        if (code === 'Departed' && first) code = 'PickupDone';
        if (scan.status === 'in_transit') first = false;
        return {
          eventCode: code,
          eventTime: new Date(scan.at).toISOString(),
          shipmentType: scan.status === 'return_to_sender' ? 'RETURNS' : 'FORWARD',
          ...(scan.place
            ? {
                location: {
                  city: scan.place.city,
                  stateOrRegion: scan.place.state,
                  postalCode: scan.place.zip,
                  countryCode: scan.place.country,
                },
              }
            : {}),
        };
      });
  const last = events.at(-1)?.eventCode;
  return {
    payload: {
      trackingId,
      alternateLegTrackingId: '',
      promisedDeliveryDate: s.rate.promise.deliveryWindow.end,
      eventHistory: events.length
        ? events
        : [{ eventCode: 'ReadyForReceive', eventTime: new Date(s.purchasedAt).toISOString() }],
      summary: { status: s.cancelledAt ? 'PickupCancelled' : last ? SUMMARY[last] : 'PreTransit' },
    },
  };
}
