import type { AccountData, McfAddress, McfOrder } from '../../state/types';
import { invalidInput } from '../errors';
import { arr, enumValue, obj, positiveInt, req, str } from '../validate';
import { MAX_LINES, MAX_UNITS, MCF_FEATURE_NAMES, US_SPEEDS } from './features';

export function parseAddress(value: unknown, path: string): McfAddress {
  const a = obj(value, path);
  const out: McfAddress = {
    name: req(a.name, `${path}.name`, { max: 50 }),
    addressLine1: req(a.addressLine1, `${path}.addressLine1`, { max: 60 }),
    stateOrRegion: req(a.stateOrRegion, `${path}.stateOrRegion`, { max: 150 }),
    postalCode: req(a.postalCode, `${path}.postalCode`, { max: 20 }),
    countryCode: req(a.countryCode, `${path}.countryCode`, { pattern: /^[A-Z]{2}$/ }),
  };
  for (const key of ['addressLine2', 'addressLine3', 'districtOrCounty', 'phone'] as const) {
    const v = str(a[key], `${path}.${key}`, { optional: true, max: 60 });
    if (v) out[key] = v;
  }
  // City is required everywhere except Japan.
  out.city = req(a.city, `${path}.city`, { max: 50 });
  return out;
}

export function parseFeatureConstraints(value: unknown, path: string): McfOrder['featureConstraints'] {
  return arr(value, path, { optional: true }).map((raw, i) => {
    const f = obj(raw, `${path}[${i}]`);
    return {
      featureName: enumValue(f.featureName, `${path}[${i}].featureName`, MCF_FEATURE_NAMES) as string,
      featureFulfillmentPolicy: enumValue(f.featureFulfillmentPolicy, `${path}[${i}].featureFulfillmentPolicy`, [
        'Required',
        'NotRequired',
      ] as const) as 'Required' | 'NotRequired',
    };
  });
}

interface CreateBody {
  sellerFulfillmentOrderId: string;
  marketplaceId?: string;
  displayableOrderId: string;
  displayableOrderDate: string;
  displayableOrderComment: string;
  shippingSpeedCategory: string;
  destinationAddress: unknown;
  fulfillmentAction?: McfOrder['fulfillmentAction'];
  fulfillmentPolicy?: McfOrder['fulfillmentPolicy'];
  featureConstraints?: unknown;
  notificationEmails?: unknown;
  items: { sellerSku: string; sellerFulfillmentOrderItemId: string; quantity: number }[];
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Validates a `createFulfillmentOrder` body into a Received order and reserves inventory. Returns null when
 * the same request was already accepted (the id is the idempotency key); a different body under a used id is an error.
 */
export function createMcfOrder(data: AccountData, body: unknown, now: number): McfOrder | null {
  // Types, required fields, lengths and enums are the model's, checked before the route runs.
  const b = body as CreateBody;
  const id = b.sellerFulfillmentOrderId;
  const fingerprint = canonical(b);
  const existing = data.mcfOrders.get(id);
  if (existing) {
    if (existing.requestFingerprint === fingerprint) return null;
    throw invalidInput(`A fulfillment order with sellerFulfillmentOrderId ${id} already exists with different content`);
  }
  const marketplaceId = b.marketplaceId ?? data.account.amazon?.marketplaceId ?? '';
  if (marketplaceId !== data.account.amazon?.marketplaceId)
    throw invalidInput(`marketplaceId ${marketplaceId} is not a marketplace of this seller`);
  const { displayableOrderId } = b;
  if (displayableOrderId !== displayableOrderId.trim() || /\s{2}/.test(displayableOrderId))
    throw invalidInput('displayableOrderId must be trimmed and must not contain double spaces');
  const items = arr(b.items, 'items', { max: MAX_LINES }).map((raw, i) => {
    const it = raw as CreateBody['items'][number];
    return {
      sellerSku: it.sellerSku,
      sellerFulfillmentOrderItemId: it.sellerFulfillmentOrderItemId,
      quantity: positiveInt(it.quantity, `items[${i}].quantity`),
      cancelledQuantity: 0,
      unfulfillableQuantity: 0,
      reserved: 0,
    };
  });
  if (new Set(items.map((i) => i.sellerFulfillmentOrderItemId)).size !== items.length)
    throw invalidInput('items[].sellerFulfillmentOrderItemId must be unique within the order');
  if (items.reduce((s, i) => s + i.quantity, 0) > MAX_UNITS)
    throw invalidInput(`A fulfillment order may contain at most ${MAX_UNITS} units`);
  const order: McfOrder = {
    sellerFulfillmentOrderId: id,
    marketplaceId,
    displayableOrderId,
    displayableOrderDate: b.displayableOrderDate,
    displayableOrderComment: req(b.displayableOrderComment, 'displayableOrderComment'),
    shippingSpeedCategory: enumValue(
      b.shippingSpeedCategory,
      'shippingSpeedCategory',
      US_SPEEDS,
    ) as McfOrder['shippingSpeedCategory'],
    destinationAddress: parseAddress(b.destinationAddress, 'destinationAddress'),
    fulfillmentAction: b.fulfillmentAction ?? 'Ship',
    fulfillmentPolicy: b.fulfillmentPolicy ?? 'FillOrKill',
    featureConstraints: parseFeatureConstraints(b.featureConstraints, 'featureConstraints'),
    receivedDate: now,
    status: 'Received',
    statusUpdatedDate: now,
    items,
    shipments: [],
    requestFingerprint: fingerprint,
  };
  const emails = arr(b.notificationEmails, 'notificationEmails', { optional: true }).map((e, i) =>
    req(e, `notificationEmails[${i}]`, { max: 64 }),
  );
  if (emails.length > 0) order.notificationEmails = emails;
  reserveInventory(data, order);
  return order;
}

/** Takes stock for the order; short stock makes a FillOrKill order Unfulfillable and leaves the rest to the policy. */
function reserveInventory(data: AccountData, order: McfOrder): void {
  const available = (sku: string) => data.inventory.get(sku) ?? 0;
  const short = order.items.filter((i) => available(i.sellerSku) < i.quantity);
  if (short.length > 0 && order.fulfillmentPolicy === 'FillOrKill') {
    for (const item of order.items) item.unfulfillableQuantity = item.quantity;
    order.status = 'Unfulfillable';
    return;
  }
  for (const item of order.items) {
    item.reserved = Math.min(item.quantity, available(item.sellerSku));
    item.unfulfillableQuantity = item.quantity - item.reserved;
    data.inventory.set(item.sellerSku, available(item.sellerSku) - item.reserved);
  }
  if (order.items.every((i) => i.reserved === 0)) order.status = 'Unfulfillable';
}

export function releaseInventory(data: AccountData, order: McfOrder): void {
  for (const item of order.items) {
    if (item.reserved === 0) continue;
    data.inventory.set(item.sellerSku, (data.inventory.get(item.sellerSku) ?? 0) + item.reserved);
    item.cancelledQuantity += item.reserved;
    item.reserved = 0;
  }
}
