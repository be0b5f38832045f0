import type { Channel } from '@order-hub/types';
import type { FastifyRequest } from 'fastify';

/**
 * Orders the channel serves broken on purpose: a JSON patch merged into the order's serialized copy (a string where
 * the model wants epoch milliseconds, a name longer than any column), to test how a client copes with one bad
 * order in a page. Like a fault, it is not part of the channel's model, so the response check leaves it alone.
 * In memory only (not in snapshots).
 */
export class MalformedOrders {
  private readonly patches = new Map<string, Record<string, unknown>>();

  set(channel: Channel, orderId: string, patch: Record<string, unknown>): void {
    this.patches.set(`${channel}:${orderId}`, patch);
  }

  remove(channel: Channel, orderId: string): boolean {
    return this.patches.delete(`${channel}:${orderId}`);
  }

  /** The serialized order with its patch merged in (marking the response as a planted fault), or as it was. */
  apply<T>(request: FastifyRequest, channel: Channel, orderId: string, serialized: T): T {
    const patch = this.patches.get(`${channel}:${orderId}`);
    if (!patch) return serialized;
    request.injectedFault = true;
    return merge(serialized, patch) as T;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; anything else in the patch replaces what was there. */
function merge(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = merge(base[k], v);
  return out;
}
