import type { AccountData, AmazonOrder } from '../../state/types';
import { invalidInput } from '../errors';
import { isoDateTime } from '../validate';
import { INCLUDED_DATA, type IncludedData, fulfillmentStatus } from './serialize';

const TWO_MINUTES = 2 * 60 * 1000;
const TOKEN_TTL_MS = 24 * 3600 * 1000;
const STATUSES = [
  'PENDING_AVAILABILITY',
  'PENDING',
  'UNSHIPPED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'CANCELLED',
  'UNFULFILLABLE',
];

type Query = Record<string, string | string[] | undefined>;

export interface SearchQuery {
  by: 'created' | 'lastUpdated';
  after: number;
  before: number;
  statuses: string[];
  marketplaceIds: string[];
  fulfilledBy: string[];
  pageSize: number;
  includedData: IncludedData[];
  offset: number;
  issuedAt: number;
}

/** SP-API array parameters arrive comma-separated (and some clients repeat the key). */
function list(query: Query, name: string, allowed?: readonly string[], max?: number): string[] {
  const raw = query[name];
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const v of values)
    if (allowed && !allowed.includes(v))
      throw invalidInput(`${name} value ${v} is invalid; allowed: ${allowed.join(', ')}`);
  if (max !== undefined && values.length > max) throw invalidInput(`${name} accepts at most ${max} values`);
  return values;
}

function single(query: Query, name: string): string | undefined {
  const raw = query[name];
  return Array.isArray(raw) ? raw[raw.length - 1] : raw;
}

function encodeToken(q: SearchQuery): string {
  return Buffer.from(JSON.stringify(q)).toString('base64url');
}

function decodeToken(token: string, now: number): SearchQuery {
  let q: SearchQuery;
  try {
    q = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as SearchQuery;
  } catch {
    throw invalidInput('Invalid paginationToken');
  }
  if (typeof q?.offset !== 'number' || typeof q.issuedAt !== 'number') throw invalidInput('Invalid paginationToken');
  if (now - q.issuedAt > TOKEN_TTL_MS)
    throw invalidInput('paginationToken has expired; pagination tokens are valid for 24 hours');
  return q;
}

/**
 * Parameter rules of `searchOrders`: exactly one of createdAfter / lastUpdatedAfter, never mixed with the
 * other family; a `…Before` must not be earlier than its `…After` and must be at least two minutes before now.
 */
export function parseSearch(query: Query, now: number): SearchQuery {
  const token = single(query, 'paginationToken');
  if (token) return decodeToken(token, now);
  const createdAfter = single(query, 'createdAfter');
  const createdBefore = single(query, 'createdBefore');
  const updatedAfter = single(query, 'lastUpdatedAfter');
  const updatedBefore = single(query, 'lastUpdatedBefore');
  if ((createdAfter === undefined) === (updatedAfter === undefined))
    throw invalidInput('Exactly one of createdAfter and lastUpdatedAfter must be provided');
  if (createdAfter !== undefined && updatedBefore !== undefined)
    throw invalidInput('lastUpdatedBefore cannot be combined with createdAfter');
  if (updatedAfter !== undefined && createdBefore !== undefined)
    throw invalidInput('createdBefore cannot be combined with lastUpdatedAfter');
  const by = createdAfter !== undefined ? 'created' : 'lastUpdated';
  const afterName = by === 'created' ? 'createdAfter' : 'lastUpdatedAfter';
  const beforeName = by === 'created' ? 'createdBefore' : 'lastUpdatedBefore';
  const after = isoDateTime(createdAfter ?? updatedAfter, afterName);
  const beforeRaw = createdBefore ?? updatedBefore;
  const latest = now - TWO_MINUTES;
  if (after > latest) throw invalidInput(`${afterName} must be at least two minutes before the time of the request`);
  let before = latest;
  if (beforeRaw !== undefined) {
    before = isoDateTime(beforeRaw, beforeName);
    if (before < after) throw invalidInput(`${beforeName} must be equal to or after ${afterName}`);
    if (before > latest)
      throw invalidInput(`${beforeName} must be at least two minutes before the time of the request`);
  }
  const sizeRaw = single(query, 'maxResultsPerPage');
  const pageSize = sizeRaw === undefined ? 100 : Number(sizeRaw);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)
    throw invalidInput('maxResultsPerPage must be an integer between 1 and 100');
  return {
    by,
    after,
    before,
    statuses: list(query, 'fulfillmentStatuses', STATUSES),
    marketplaceIds: list(query, 'marketplaceIds', undefined, 50),
    fulfilledBy: list(query, 'fulfilledBy', ['MERCHANT', 'AMAZON']),
    pageSize,
    includedData: list(query, 'includedData', INCLUDED_DATA) as IncludedData[],
    offset: 0,
    issuedAt: now,
  };
}

export function runSearch(data: AccountData, q: SearchQuery): { page: AmazonOrder[]; nextToken?: string } {
  const time = (o: AmazonOrder) => (q.by === 'created' ? o.createdTime : o.lastUpdatedTime);
  const matches = [...data.amazonOrders.values()]
    .filter((o) => {
      const t = time(o);
      if (t < q.after || t > q.before) return false;
      if (q.marketplaceIds.length > 0 && !q.marketplaceIds.includes(o.marketplaceId)) return false;
      if (q.fulfilledBy.length > 0 && !q.fulfilledBy.includes(o.fulfilledBy)) return false;
      return q.statuses.length === 0 || q.statuses.includes(fulfillmentStatus(o));
    })
    .sort((a, b) => time(a) - time(b) || a.orderId.localeCompare(b.orderId));
  const page = matches.slice(q.offset, q.offset + q.pageSize);
  const more = q.offset + q.pageSize < matches.length;
  return { page, ...(more ? { nextToken: encodeToken({ ...q, offset: q.offset + q.pageSize }) } : {}) };
}
