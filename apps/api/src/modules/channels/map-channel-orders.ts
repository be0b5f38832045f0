import type { NormalizedOrder } from '@order-hub/types';

/** An order of a page the hub could not read: its id at the channel, why, and the channel's copy. */
export interface RejectedOrder {
  channelOrderId: string;
  reason: string;
  payload: unknown;
}

const MAX_REASON = 300;

/**
 * Maps a page of the channel's orders one at a time: an order the mapper cannot read, or that comes out with an
 * invalid date, is rejected on its own (with the reason, naming the field) and the rest of the page is kept.
 */
export function mapChannelOrders<T>(
  raws: readonly T[],
  map: (raw: T) => NormalizedOrder,
  idOf: (raw: T) => unknown,
): { orders: NormalizedOrder[]; rejected: RejectedOrder[] } {
  const orders: NormalizedOrder[] = [];
  const rejected: RejectedOrder[] = [];
  raws.forEach((raw, index) => {
    const id = idOf(raw);
    const channelOrderId =
      typeof id === 'string' && id.trim() !== ''
        ? id.replace(/[\p{Cc}\p{Cs}]/gu, '').slice(0, 100)
        : `(unreadable #${index + 1})`;
    let reason: string | null;
    let order: NormalizedOrder | undefined;
    try {
      order = map(raw);
      reason = typeof id === 'string' && id.trim() !== '' ? invalidField(order) : 'the order id is missing';
    } catch (err) {
      reason = `the channel's copy could not be read: ${err instanceof Error ? err.message : String(err)}`;
    }
    if (reason === null && order) orders.push(order);
    else rejected.push({ channelOrderId, reason: (reason ?? 'unreadable').slice(0, MAX_REASON), payload: raw });
  });
  return { orders, rejected };
}

/** The first field of a mapped order that holds an invalid date (`shipments[0].shippedAt is not a valid date`). */
export function invalidField(value: unknown, path = ''): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? `${path || 'value'} is not a valid date` : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = invalidField(item, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // The channel's own copy is kept as it came; only what the hub derived from it must be valid.
      if (key === 'rawPayload') continue;
      const found = invalidField(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}
