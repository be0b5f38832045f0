// Amazon Shipping API v2 in the sandbox: the request bodies, their checks, and getRates (rates by weight and zone).
import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../../context';
import type { AccountData, AmazonAddress, AmazonOrder } from '../../state/types';
import { AmazonError, invalidInput } from '../errors';
import { type PackageSize, SERVICES, billableLb, offNetwork, priceCents, promise, zoneOf } from './services';
import {
  type QuotedRate,
  REQUEST_TOKEN_TTL_MS,
  type RateRequest,
  forgetStaleRequests,
  serviceOf,
  shippingState,
  takeShippingFault,
} from './state';

export const FORMATS = ['PDF', 'PNG', 'ZPL'] as const;
export type Format = (typeof FORMATS)[number];

/** The request bodies' shapes, as the model defines them (checked before a route runs). */
type AddressBody = Omit<AmazonAddress, 'phone' | 'addressType'>;
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
export interface RatesBody {
  shipFrom: AddressBody;
  shipTo?: AddressBody;
  channelDetails: { channelType: string; amazonOrderDetails?: { orderId: string } };
  packages: PackageBody[];
}
export interface PurchaseBody {
  requestToken: string;
  rateId: string;
  requestedDocumentSpecification: {
    format: string;
    size: { width: number; length: number; unit: string };
    requestedDocumentTypes: string[];
  };
}

export const id = (prefix: string) => `${prefix}${randomBytes(8).toString('hex')}`;
const money = (cents: number) => ({ unit: 'USD', value: cents / 100 });
const US_ZIP = /^\d{5}(-\d{4})?$/;
const PO_BOX = /\bP\.?\s*O\.?\s*BOX\b/i;

/** Amazon's error for a request the shipping service refuses: the code names the kind, as TOKEN_EXPIRED does. */
export const refused = (code: string, message: string) => new AmazonError(400, code, message);

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

export function getRates(ctx: SandboxContext, data: AccountData, body: RatesBody) {
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
