import { invalidParam } from '../errors';
import { lastModified, lineStatus, type ReturnLineStatus } from './lifecycle';
import type { WalmartReturn } from './types';

type Query = Record<string, string | string[] | undefined>;

const STATUSES: readonly ReturnLineStatus[] = ['INITIATED', 'DELIVERED', 'COMPLETED'];
const RETURN_TYPES = ['REFUND', 'REPLACEMENT'];
// The model types the dates as date-time (checked before the route runs); a date alone is read as midnight UTC.
const DATE_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2}))?$/;
const FILTERS = [
  'returnOrderId',
  'customerOrderId',
  'status',
  'replacementInfo',
  'returnType',
  'returnCreationStartDate',
  'returnCreationEndDate',
  'returnLastModifiedStartDate',
  'returnLastModifiedEndDate',
] as const;

export interface ReturnsQuery {
  returnOrderId?: string;
  customerOrderId?: string;
  status?: ReturnLineStatus;
  returnType?: string;
  replacementInfo: boolean;
  createdStart?: number;
  createdEnd?: number;
  modifiedStart?: number;
  modifiedEnd?: number;
  limit: number;
  offset: number;
  /** Filters to carry into `nextCursor`, in the order they were given. */
  carried: [string, string][];
}

function one(query: Query, name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function parseDate(query: Query, name: string): number | undefined {
  const raw = one(query, name);
  if (raw === undefined || raw === '') return undefined;
  const ms = DATE_RE.test(raw) ? Date.parse(raw.length === 10 ? `${raw}T00:00:00Z` : raw) : Number.NaN;
  if (Number.isNaN(ms))
    throw invalidParam(name, `Invalid Date format value for ${name}: use yyyy-MM-ddTHH:mm:ssZ (UTC, ISO 8601)`);
  return ms;
}

function range(query: Query, start: string, end: string): [number | undefined, number | undefined] {
  const from = parseDate(query, start);
  const to = parseDate(query, end);
  if (from !== undefined && to !== undefined && from > to)
    throw invalidParam(start, `${start} must not be after ${end}`);
  return [from, to];
}

/** `limit` defaults to 10 and may not pass 200; `offset` only comes back in Walmart's own nextCursor. */
export function parseReturnsQuery(query: Query): ReturnsQuery {
  const limitRaw = one(query, 'limit') ?? '10';
  const limit = Number(limitRaw);
  if (!/^\d+$/.test(limitRaw) || limit < 1 || limit > 200)
    throw invalidParam('limit', 'limit must be an integer between 1 and 200');
  const offsetRaw = one(query, 'offset') ?? '0';
  if (!/^\d+$/.test(offsetRaw)) throw invalidParam('offset', 'offset is not a valid cursor position');
  const status = one(query, 'status');
  if (status !== undefined && !STATUSES.includes(status as ReturnLineStatus))
    throw invalidParam('status', `status must be one of ${STATUSES.join(', ')}`);
  const returnType = one(query, 'returnType');
  if (returnType !== undefined && !RETURN_TYPES.includes(returnType))
    throw invalidParam('returnType', `returnType must be one of ${RETURN_TYPES.join(', ')}`);
  const replacementInfo = one(query, 'replacementInfo');
  if (replacementInfo !== undefined && replacementInfo !== 'true' && replacementInfo !== 'false')
    throw invalidParam('replacementInfo', 'replacementInfo must be true or false');
  const [createdStart, createdEnd] = range(query, 'returnCreationStartDate', 'returnCreationEndDate');
  const [modifiedStart, modifiedEnd] = range(query, 'returnLastModifiedStartDate', 'returnLastModifiedEndDate');
  const carried: [string, string][] = [];
  for (const name of FILTERS) {
    const value = one(query, name);
    if (value !== undefined) carried.push([name, value]);
  }
  return {
    returnOrderId: one(query, 'returnOrderId'),
    customerOrderId: one(query, 'customerOrderId'),
    status: status as ReturnLineStatus | undefined,
    returnType,
    replacementInfo: replacementInfo === 'true',
    createdStart,
    createdEnd,
    modifiedStart,
    modifiedEnd,
    limit,
    offset: Number(offsetRaw),
    carried,
  };
}

/** A return matches a status when one of its lines is in it (Walmart keeps statuses per line). */
export function matchesReturn(ret: WalmartReturn, q: ReturnsQuery, now: number): boolean {
  if (q.returnOrderId && ret.returnOrderId !== q.returnOrderId) return false;
  if (q.customerOrderId && ret.customerOrderId !== q.customerOrderId) return false;
  // Every simulated return is a refund return: the sandbox does not simulate replacements.
  if (q.returnType && q.returnType !== 'REFUND') return false;
  if (q.status && !ret.lines.some((l) => lineStatus(ret, l, now) === q.status)) return false;
  if (q.createdStart !== undefined && ret.returnOrderDate < q.createdStart) return false;
  if (q.createdEnd !== undefined && ret.returnOrderDate > q.createdEnd) return false;
  const modified = lastModified(ret, now);
  if (q.modifiedStart !== undefined && modified < q.modifiedStart) return false;
  if (q.modifiedEnd !== undefined && modified > q.modifiedEnd) return false;
  return true;
}

/**
 * The query string to append to /v3/returns for the next page, as the model's example writes it
 * (`?sellerId=151&limit=10&offset=10`) plus the filters of the first call. The model requires `nextCursor`, so the
 * last page carries an empty one.
 */
export function returnsCursor(q: ReturnsQuery, totalCount: number, sellerId: string): string {
  const next = q.offset + q.limit;
  if (next >= totalCount) return '';
  const params = new URLSearchParams([
    ['sellerId', sellerId],
    ['limit', String(q.limit)],
    ['offset', String(next)],
    ...q.carried,
  ]);
  return `?${params.toString()}`;
}
