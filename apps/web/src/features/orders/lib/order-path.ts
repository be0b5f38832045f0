import type { Channel } from '@/gql/graphql';

/** The readable address of an order: `/orders/walmart/1234567890123` (the channel's own order number). */
export function orderPath(order: { channel: Channel; channelOrderId: string }): string {
  return `/orders/${order.channel.toLowerCase()}/${encodeURIComponent(order.channelOrderId)}`;
}

/** The channel named by an address segment (`walmart` → WALMART), or null for one the hub does not know. */
export function channelFromPath<C extends string>(segment: string, channels: readonly C[]): C | null {
  const upper = segment.toUpperCase();
  return channels.find((channel) => channel === upper) ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Old links and other pages address an order by its hub id; anything else is not an order id. */
export function isOrderId(value: string): boolean {
  return UUID.test(value);
}
