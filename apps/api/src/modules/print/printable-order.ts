import type { ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import type { OrderEntity, OrderLineEntity } from 'src/modules/orders/order.repository';

/** An order with what a packing slip or pick list prints of it. */
export interface PrintableOrder {
  order: OrderEntity;
  lines: OrderLineEntity[];
  account: Pick<ChannelAccountEntity, 'id' | 'name' | 'timeZone'>;
}

/** "Dec 3, 2026, 9:12 AM PST": the order date in the account's zone, with the zone named. */
export function formatInZone(at: Date, timeZone: string): string {
  const local = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
  return `${local} ${zoneName(at, timeZone)}`;
}

function zoneName(at: Date, timeZone: string): string {
  return (
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone
  );
}

/** The ship-to as printed lines; a redacted order's street and name are gone, so it says so. */
export function shipToLines(order: OrderEntity): string[] {
  const a = order.shipTo;
  if (order.buyerDataRedactedAt || !a) {
    const place = a
      ? [a.city, [a.stateOrRegion, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ')
      : '';
    return ['Address removed', ...(place ? [place] : [])];
  }
  return [a.name, a.line1, a.line2, a.line3, `${a.city}, ${a.stateOrRegion} ${a.postalCode}`, a.countryCode].filter(
    (l): l is string => Boolean(l && l.trim()),
  );
}
