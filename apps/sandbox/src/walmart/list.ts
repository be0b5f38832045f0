import type { WalmartLineStatus, WalmartOrder } from '../state/types';
import { WalmartError, invalidParam } from './errors';

export const LIST_STATUSES: readonly WalmartLineStatus[] = [
  'Created',
  'Acknowledged',
  'Shipped',
  'Delivered',
  'Cancelled',
];
const SHIP_NODE_TYPES = ['SellerFulfilled', 'WFSFulfilled', '3PLFulfilled'];
const DAY_MS = 24 * 3600 * 1000;
const HORIZON_MS = 180 * DAY_MS;
// Walmart accepts a date, or a UTC date-time with or without milliseconds (its own cursors carry milliseconds).
const DATE_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2}))?$/;

export interface ListQuery {
  sku?: string;
  customerOrderId?: string;
  purchaseOrderId?: string;
  status?: WalmartLineStatus;
  createdStart: number;
  createdEnd: number;
  createdStartRaw: string;
  createdEndRaw: string;
  fromShip?: number;
  toShip?: number;
  modifiedStart?: number;
  modifiedEnd?: number;
  limit: number;
  offset: number;
  productInfo: boolean;
  replacementInfo: boolean;
  shipNodeType: string;
  shippingProgramType?: string;
  /** Filters to carry into `nextCursor`, in the order they were given. */
  carried: [string, string][];
}

type Query = Record<string, string | string[] | undefined>;

function one(query: Query, name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function parseDate(query: Query, name: string): number | undefined {
  const raw = one(query, name);
  if (raw === undefined || raw === '') return undefined;
  const ms = DATE_RE.test(raw) ? Date.parse(raw.length === 10 ? `${raw}T00:00:00Z` : raw) : Number.NaN;
  if (Number.isNaN(ms))
    throw invalidParam(name, `Invalid Date format value for ${name}: use yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ`);
  return ms;
}

function parseBoolean(query: Query, name: string): boolean {
  const raw = one(query, name);
  if (raw === undefined) return false;
  if (raw !== 'true' && raw !== 'false') throw invalidParam(name, `${name} must be true or false`);
  return raw === 'true';
}

/** `nextCursor` comes back as a query string to append (`/v3/orders?limit=…`); the model has no `nextCursor` parameter. */
export function parseListQuery(query: Query, now: number, released: boolean): ListQuery {
  const limitRaw = one(query, 'limit') ?? '100';
  const limit = Number(limitRaw);
  if (!/^\d+$/.test(limitRaw) || limit < 1 || limit > 200)
    throw invalidParam('limit', 'limit must be an integer between 1 and 200');
  const offsetRaw = one(query, 'poIndex') ?? '0';
  if (!/^\d+$/.test(offsetRaw)) throw invalidParam('poIndex', 'poIndex is not a valid cursor position');
  const status = one(query, 'status');
  if (status !== undefined && !LIST_STATUSES.includes(status as WalmartLineStatus)) {
    throw invalidParam('status', `status must be one of ${LIST_STATUSES.join(', ')}`);
  }
  const shipNodeType = one(query, 'shipNodeType') ?? 'SellerFulfilled';
  if (!SHIP_NODE_TYPES.includes(shipNodeType))
    throw invalidParam('shipNodeType', `shipNodeType must be one of ${SHIP_NODE_TYPES.join(', ')}`);
  const purchaseOrderId = one(query, 'purchaseOrderId');
  const createdEnd = parseDate(query, 'createdEndDate') ?? now;
  const requestedStart =
    parseDate(query, 'createdStartDate') ?? (purchaseOrderId ? now - HORIZON_MS : now - 7 * DAY_MS);
  const createdStart = Math.max(requestedStart, now - HORIZON_MS);
  if (createdStart > createdEnd)
    throw invalidParam('createdStartDate', 'createdStartDate must not be after createdEndDate');
  const carried: [string, string][] = [];
  for (const name of [
    'sku',
    'customerOrderId',
    'purchaseOrderId',
    'status',
    'fromExpectedShipDate',
    'toExpectedShipDate',
    'lastModifiedStartDate',
    'lastModifiedEndDate',
    'productInfo',
    'shippingProgramType',
    'replacementInfo',
    'orderType',
  ]) {
    const value = one(query, name);
    if (value !== undefined) carried.push([name, value]);
  }
  carried.push(['shipNodeType', shipNodeType]);
  return {
    sku: one(query, 'sku'),
    customerOrderId: one(query, 'customerOrderId'),
    purchaseOrderId,
    status: status as WalmartLineStatus | undefined,
    createdStart,
    createdEnd,
    createdStartRaw: one(query, 'createdStartDate') ?? new Date(createdStart).toISOString().slice(0, 10),
    createdEndRaw: one(query, 'createdEndDate') ?? new Date(createdEnd).toISOString(),
    fromShip: parseDate(query, 'fromExpectedShipDate'),
    toShip: parseDate(query, 'toExpectedShipDate'),
    modifiedStart: released ? undefined : parseDate(query, 'lastModifiedStartDate'),
    modifiedEnd: released ? undefined : parseDate(query, 'lastModifiedEndDate'),
    limit,
    offset: Number(offsetRaw),
    productInfo: parseBoolean(query, 'productInfo'),
    replacementInfo: parseBoolean(query, 'replacementInfo'),
    shipNodeType,
    shippingProgramType: one(query, 'shippingProgramType'),
    carried,
  };
}

export function matchesQuery(order: WalmartOrder, q: ListQuery, released: boolean): boolean {
  if (order.shipNodeType !== q.shipNodeType) return false;
  if (order.orderDate < q.createdStart || order.orderDate > q.createdEnd) return false;
  if (q.purchaseOrderId && order.purchaseOrderId !== q.purchaseOrderId) return false;
  if (q.customerOrderId && order.customerOrderId !== q.customerOrderId) return false;
  if (q.sku && !order.lines.some((l) => l.sku === q.sku)) return false;
  if (q.fromShip !== undefined && order.estimatedShipDate < q.fromShip) return false;
  if (q.toShip !== undefined && order.estimatedShipDate > q.toShip) return false;
  if (q.modifiedStart !== undefined && order.lastModified < q.modifiedStart) return false;
  if (q.modifiedEnd !== undefined && order.lastModified > q.modifiedEnd) return false;
  if (q.shippingProgramType && order.shippingProgramType !== q.shippingProgramType) return false;
  const wanted = released ? 'Created' : q.status;
  if (wanted && !order.lines.some((l) => l.buckets.some((b) => b.status === wanted && b.quantity > 0))) return false;
  return true;
}

export function nextCursor(q: ListQuery, totalCount: number, sellerId: string): string | undefined {
  const nextOffset = q.offset + q.limit;
  if (nextOffset >= totalCount) return undefined;
  const params = new URLSearchParams([
    ['limit', String(q.limit)],
    ['hasMoreElements', 'true'],
    ['soIndex', String(totalCount)],
    ['poIndex', String(nextOffset)],
    ['partnerId', sellerId],
    ['sellerId', sellerId],
    ['createdStartDate', q.createdStartRaw],
    ['createdEndDate', q.createdEndRaw],
    ...q.carried,
  ]);
  return `?${params.toString()}`;
}

export function notFound(operation: string): WalmartError {
  return new WalmartError(
    404,
    'CONTENT_NOT_FOUND.GMP_ORDER_API',
    'data',
    `Failed when called ${operation}. Orders not found for given search parameters`,
    'DATA',
    'INFO',
  );
}
