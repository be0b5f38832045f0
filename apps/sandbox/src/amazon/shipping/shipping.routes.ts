import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../../context';
import { labelFile } from '../../easypost/label-files';
import { parcelScript } from '../../easypost/script';
import { visibleScans } from '../../easypost/serialize';
import { amazonPackages } from '../../easypost/shipments';
import type { AccountData, AmazonOrder } from '../../state/types';
import { AmazonError, invalidInput, notFound } from '../errors';
import { applyConfirmShipment } from '../orders/confirm-shipment';
import { account } from '../orders/orders.routes';
import { type PackageSize, SERVICES, billableLb, offNetwork, priceCents, promise, zoneOf } from './services';
import {
  type BoughtShipment,
  type QuotedRate,
  REQUEST_TOKEN_TTL_MS,
  type RateRequest,
  forgetStaleRequests,
  serviceOf,
  shippingState,
  takeShippingFault,
} from './state';

const BASE = '/shipping/v2';
const FORMATS = ['PDF', 'PNG', 'ZPL'] as const;
type Format = (typeof FORMATS)[number];

/** The request bodies' shapes, as the model defines them (checked before a route runs). */
interface AddressBody {
  name: string;
  addressLine1: string;
  addressLine2?: string;
  city: string;
  stateOrRegion: string;
  postalCode: string;
  countryCode: string;
}
interface ItemBody {
  itemIdentifier?: string;
  quantity: number;
}
interface PackageBody {
  packageClientReferenceId: string;
  dimensions: { length: number; width: number; height: number; unit: string };
  weight: { value: number; unit: string };
  items: ItemBody[];
}
interface RatesBody {
  shipFrom: AddressBody;
  shipTo?: AddressBody;
  channelDetails: { channelType: string; amazonOrderDetails?: { orderId: string } };
  packages: PackageBody[];
}
interface PurchaseBody {
  requestToken: string;
  rateId: string;
  requestedDocumentSpecification: {
    format: string;
    size: { width: number; length: number; unit: string };
    requestedDocumentTypes: string[];
  };
}

const id = (prefix: string) => `${prefix}${randomBytes(8).toString('hex')}`;
const money = (cents: number) => ({ unit: 'USD', value: cents / 100 });
const US_ZIP = /^\d{5}(-\d{4})?$/;
const PO_BOX = /\bP\.?\s*O\.?\s*BOX\b/i;

/** Amazon's error for a request the shipping service refuses: the code names the kind, as TOKEN_EXPIRED does. */
const refused = (code: string, message: string) => new AmazonError(400, code, message);

function toInches(value: number, unit: string): number {
  return unit === 'CENTIMETER' ? value / 2.54 : value;
}

function toOunces(value: number, unit: string): number {
  switch (unit) {
    case 'GRAM':
      return value / 28.3495;
    case 'KILOGRAM':
      return (value * 1000) / 28.3495;
    case 'POUND':
      return value * 16;
    default:
      return value;
  }
}

function addressLines(a: AddressBody): string[] {
  return [
    a.addressLine1,
    a.addressLine2 ?? '',
    `${a.city}, ${a.stateOrRegion} ${a.postalCode}`,
    a.countryCode === 'US' ? '' : a.countryCode,
  ].filter(Boolean);
}

function findOrder(data: AccountData, orderId: string): AmazonOrder {
  const order = data.amazonOrders.get(orderId);
  if (!order) throw invalidInput(`channelDetails.amazonOrderDetails.orderId ${orderId} is not an order of this seller`);
  return order;
}

const SPEC = (format: Format) => ({
  format,
  size: { length: 6, width: 4, unit: 'INCH' },
  printOptions: [
    {
      supportedDPIs: format === 'PDF' ? [300] : [203, 300],
      supportedDocumentDetails: [{ name: 'LABEL', isMandatory: true }],
      supportedFileJoiningOptions: [false],
      supportedPageLayouts: ['DEFAULT'],
    },
  ],
});

function rateJson(r: QuotedRate) {
  return {
    rateId: r.rateId,
    carrierId: serviceOf(r).carrierId,
    carrierName: serviceOf(r).carrierName,
    serviceId: serviceOf(r).serviceId,
    serviceName: serviceOf(r).serviceName,
    totalCharge: money(r.amountCents),
    billedWeight: { unit: 'POUND', value: r.billedLb },
    promise: r.promise,
    paymentType: 'PAY_THROUGH_AMAZON',
    requiresAdditionalInputs: false,
    rateItemList: [
      {
        rateItemID: 'BASE_RATE',
        rateItemType: 'MANDATORY',
        rateItemCharge: money(r.amountCents),
        rateItemNameLocalization: 'Base Rate',
      },
    ],
    benefits: { includedBenefits: ['CLAIMS_PROTECTED'], excludedBenefits: [] },
    supportedDocumentSpecifications: FORMATS.map(SPEC),
  };
}

/** The package's items as order item ids; none named means every unit of the order not yet shipped. */
function packageItems(order: AmazonOrder | undefined, items: ItemBody[]): { orderItemId: string; quantity: number }[] {
  if (!order) return [];
  const named = items.filter((i) => typeof i.itemIdentifier === 'string');
  if (named.length === 0) {
    return order.items
      .map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity - i.quantityCancelled - i.quantityShipped }))
      .filter((i) => i.quantity > 0);
  }
  return named.map((i, n) => {
    if (!order.items.some((o) => o.orderItemId === i.itemIdentifier))
      throw invalidInput(`packages[0].items[${n}].itemIdentifier ${i.itemIdentifier} is not an item of the order`);
    if (!Number.isInteger(i.quantity) || i.quantity < 1)
      throw invalidInput(`packages[0].items[${n}].quantity must be a positive integer`);
    return { orderItemId: i.itemIdentifier as string, quantity: i.quantity };
  });
}

function getRates(ctx: SandboxContext, data: AccountData, body: RatesBody) {
  const now = ctx.clock.now();
  const channel = body.channelDetails;
  let order: AmazonOrder | undefined;
  let shipTo: AddressBody;
  if (channel.channelType === 'AMAZON') {
    const orderId = channel.amazonOrderDetails?.orderId;
    if (!orderId)
      throw invalidInput('channelDetails.amazonOrderDetails.orderId is required when channelType is AMAZON');
    order = findOrder(data, orderId);
    if (order.fulfilledBy !== 'MERCHANT')
      throw invalidInput(`Order ${orderId} is fulfilled by Amazon; Buy Shipping is for seller-fulfilled orders`);
    if (order.cancelled) throw invalidInput(`Order ${orderId} is cancelled`);
    shipTo = order.address;
  } else {
    if (!body.shipTo) throw invalidInput('shipTo is required when channelType is EXTERNAL');
    shipTo = body.shipTo;
  }
  const shipFrom = body.shipFrom;
  if (shipFrom.countryCode !== 'US') throw invalidInput('shipFrom.countryCode must be US in this marketplace');
  if (!US_ZIP.test(shipFrom.postalCode))
    throw invalidInput(`shipFrom.postalCode ${shipFrom.postalCode} is not a US ZIP code (5 digits, or ZIP+4)`);
  if (!US_ZIP.test(shipTo.postalCode))
    throw invalidInput(`shipTo.postalCode ${shipTo.postalCode} is not a US ZIP code (5 digits, or ZIP+4)`);
  const packages = body.packages;
  if (packages.length !== 1)
    throw invalidInput('packages must list exactly one package (the sandbox rates one at a time)');
  const p = packages[0];
  const size: PackageSize = {
    lengthIn: toInches(p.dimensions.length, p.dimensions.unit),
    widthIn: toInches(p.dimensions.width, p.dimensions.unit),
    heightIn: toInches(p.dimensions.height, p.dimensions.unit),
    weightOz: toOunces(p.weight.value, p.weight.unit),
  };
  for (const [field, v] of Object.entries(size))
    if (!(v > 0))
      throw invalidInput(`packages[0].${field.startsWith('weight') ? 'weight.value' : 'dimensions'} must be positive`);
  const items = packageItems(order, p.items);
  const zip = String(shipTo.postalCode).slice(0, 5);
  const zone = zoneOf(String(shipFrom.postalCode), zip);
  const unserviceable = takeShippingFault(data, 'UNSERVICEABLE_ADDRESS');
  const poBox = PO_BOX.test(`${shipTo.addressLine1 ?? ''} ${shipTo.addressLine2 ?? ''}`);
  const rates: QuotedRate[] = [];
  const ineligibleRates: Record<string, unknown>[] = [];
  for (const service of SERVICES) {
    const reason = unserviceable
      ? { code: 'NO_COVERAGE', message: 'The carrier cannot deliver to the ship-to address' }
      : size.weightOz > service.maxWeightOz
        ? {
            code: 'WEIGHT_RESTRICTIONS',
            message: `The package is over ${service.serviceName}'s limit of ${service.maxWeightOz / 16} lb`,
          }
        : offNetwork(service, zip)
          ? { code: 'NO_COVERAGE', message: "Required shipping network coverage doesn't exist for the offering" }
          : poBox && !service.deliversToPoBox
            ? { code: 'NO_COVERAGE', message: `${service.carrierName} does not deliver to PO boxes` }
            : null;
    if (reason) {
      ineligibleRates.push({
        carrierId: service.carrierId,
        carrierName: service.carrierName,
        serviceId: service.serviceId,
        serviceName: service.serviceName,
        ineligibilityReasons: [reason],
      });
      continue;
    }
    rates.push({
      rateId: id('rate-'),
      serviceId: service.serviceId,
      amountCents: priceCents(service, size, zone),
      billedLb: billableLb(service, size),
      promise: promise(now, service.days),
    });
  }
  const request: RateRequest = {
    requestToken: id('amzn1.rq.'),
    createdAt: now,
    expiresAt: now + REQUEST_TOKEN_TTL_MS,
    ...(order ? { orderId: order.orderId } : {}),
    packageClientReferenceId: p.packageClientReferenceId,
    size,
    items,
    shipFrom: { name: shipFrom.name, lines: addressLines(shipFrom) },
    shipTo: { name: shipTo.name, lines: addressLines(shipTo), postalCode: zip },
    rates,
  };
  const records = shippingState(data);
  forgetStaleRequests(records, now);
  records.requests[request.requestToken] = request;
  return { payload: { requestToken: request.requestToken, rates: rates.map(rateJson), ineligibleRates } };
}

function documentContents(s: BoughtShipment, format: Format): string {
  return labelFile(format, {
    carrier: serviceOf(s.rate).carrierName,
    service: serviceOf(s.rate).serviceName,
    trackingCode: s.trackingId,
    from: [s.shipFrom.name, ...s.shipFrom.lines],
    to: [s.shipTo.name, ...s.shipTo.lines],
  }).toString('base64');
}

function documentDetail(s: BoughtShipment, format: Format) {
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

function purchase(ctx: SandboxContext, data: AccountData, body: PurchaseBody, idempotencyKey: string | undefined) {
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

function findShipment(data: AccountData, shipmentId: string): BoughtShipment {
  const s = shippingState(data).shipments[shipmentId];
  if (!s) throw notFound(`Shipment ${shipmentId} not found`);
  return s;
}

function scans(ctx: SandboxContext, s: BoughtShipment) {
  const parcel = ctx.easypost.parcel(serviceOf(s.rate).carrierName, s.trackingId);
  return parcel ? visibleScans(parcelScript(parcel), ctx.clock.now()) : [];
}

function cancel(ctx: SandboxContext, data: AccountData, shipmentId: string) {
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

function tracking(ctx: SandboxContext, data: AccountData, trackingId: string, carrierId: string) {
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

const header = (request: FastifyRequest, name: string) => {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export function registerShippingRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post(`${BASE}/shipments/rates`, { config: { amazonOperation: 'getRates' } }, (request) =>
    getRates(ctx, account(request), request.body as RatesBody),
  );

  app.post(`${BASE}/shipments`, { config: { amazonOperation: 'purchaseShipment' } }, (request) =>
    purchase(ctx, account(request), request.body as PurchaseBody, header(request, 'x-amzn-idempotencykey')),
  );

  app.get<{ Params: { shipmentId: string }; Querystring: Record<string, string | undefined> }>(
    `${BASE}/shipments/:shipmentId/documents`,
    { config: { amazonOperation: 'getShipmentDocuments' } },
    (request) => {
      const data = account(request);
      const s = findShipment(data, request.params.shipmentId);
      const q = request.query;
      if (q.packageClientReferenceId !== s.packageClientReferenceId)
        throw invalidInput(
          `packageClientReferenceId ${q.packageClientReferenceId} is not a package of shipment ${s.shipmentId}`,
        );
      const format = (q.format ?? s.format).toUpperCase() as Format;
      if (!FORMATS.includes(format)) throw invalidInput(`format must be one of: ${FORMATS.join(', ')}`);
      if (s.cancelledAt !== undefined) throw invalidInput(`Shipment ${s.shipmentId} is cancelled; it has no label`);
      if (takeShippingFault(data, 'DOCUMENT_FAILURE'))
        throw new AmazonError(500, 'InternalFailure', 'The label document could not be generated. Please try again.');
      return { payload: { shipmentId: s.shipmentId, packageDocumentDetail: documentDetail(s, format) } };
    },
  );

  app.put<{ Params: { shipmentId: string } }>(
    `${BASE}/shipments/:shipmentId/cancel`,
    { config: { amazonOperation: 'cancelShipment' } },
    (request) => cancel(ctx, account(request), request.params.shipmentId),
  );

  app.get<{ Querystring: { trackingId: string; carrierId: string } }>(
    `${BASE}/tracking`,
    { config: { amazonOperation: 'getTracking' } },
    (request) => tracking(ctx, account(request), request.query.trackingId, request.query.carrierId),
  );
}
