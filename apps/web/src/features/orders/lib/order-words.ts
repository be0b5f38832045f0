import { shipMethodLabel } from '@order-hub/rules';
import type { Channel, FulfillmentMethod, SearchMatchField } from '@/gql/graphql';

const FULFILMENT_WORDS: Record<FulfillmentMethod, string> = {
  MERCHANT: 'You ship',
  MCF: 'Amazon MCF',
  CHANNEL: 'Channel fulfils',
};

/** Who ships the order, in words ("You ship", "Amazon MCF"). */
export function fulfilmentLabel(method: FulfillmentMethod): string {
  return FULFILMENT_WORDS[method];
}

/** "You ship · Two-day": fulfilment and the channel's ship method, as the order page heads them. */
export function shippingSummary(channel: Channel, method: FulfillmentMethod, shipMethod: string | null | undefined) {
  const words = shipMethodLabel(channel, shipMethod);
  return words ? `${fulfilmentLabel(method)} · ${words}` : fulfilmentLabel(method);
}

const HOUR = 3_600_000;

/** How long ago the order came in: "45 min", "5 h", "3 d 4 h". */
export function formatAge(orderedAt: string, now: number): string {
  const elapsed = Math.max(0, now - new Date(orderedAt).getTime());
  if (elapsed < HOUR) return `${Math.floor(elapsed / 60_000)} min`;
  const hours = Math.floor(elapsed / HOUR);
  if (hours < 24) return `${hours} h`;
  const rest = hours % 24;
  return rest === 0 ? `${Math.floor(hours / 24)} d` : `${Math.floor(hours / 24)} d ${rest} h`;
}

/** The first value and how many more: "ABC-1 +2 more"; "—" for none. Distinct values, in order. */
export function firstAndMore(values: readonly (string | null | undefined)[]): string {
  const distinct = [...new Set(values.filter((value): value is string => Boolean(value)))];
  if (distinct.length === 0) return '—';
  return distinct.length === 1 ? distinct[0] : `${distinct[0]} +${distinct.length - 1} more`;
}

const MATCH_WORDS: Record<SearchMatchField, string> = {
  ORDER_NUMBER: 'Order number',
  CUSTOMER_ORDER_NUMBER: 'Customer order number',
  CUSTOMER_NAME: 'Customer',
  SKU: 'SKU',
  TRACKING_NUMBER: 'Tracking number',
};

/** Why a search listed the order: "Tracking number 1Z999…". */
export function matchLabel(match: { field: SearchMatchField; value: string }): string {
  return `${MATCH_WORDS[match.field]} ${match.value}`;
}
