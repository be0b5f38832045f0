import type { Channel } from '@order-hub/types';

/**
 * What each channel's ship method code promises the buyer, in words, and whether it is faster than standard.
 * Codes are compared without case, spaces, dashes or underscores, since the sandboxes and older payloads vary
 * ("SecondDay", "SECOND_DAY").
 *
 * Sources (effective 2026-01-01):
 * - Walmart Orders API `shippingInfo.methodCode`: Standard | Express | OneDay | Freight | WhiteGlove | Value
 *   (specs/walmart/orders.openapi.json; docs/reference/walmart.md "methodCode enum").
 * - Amazon Orders API 2026-01-01 `fulfillment.fulfillmentServiceLevel`: EXPEDITED, FREE_ECONOMY, NEXT_DAY, PRIORITY,
 *   SAME_DAY, SECOND_DAY, SCHEDULED, STANDARD (specs/amazon/orders_2026-01-01.json); the v0 ShipmentServiceLevelCategory
 *   spelled them Expedited, NextDay, SecondDay, Priority, Scheduled, Standard.
 */
interface ShipMethodFacts {
  label: string;
  expedited: boolean;
}

const SHIP_METHODS: Record<Channel, Record<string, ShipMethodFacts>> = {
  WALMART: {
    VALUE: { label: 'Value', expedited: false },
    STANDARD: { label: 'Standard', expedited: false },
    EXPRESS: { label: 'Express (two-day)', expedited: true },
    EXPEDITED: { label: 'Expedited', expedited: true },
    RUSH: { label: 'Rush', expedited: true },
    ONEDAY: { label: 'One-day', expedited: true },
    FREIGHT: { label: 'Freight', expedited: false },
    WHITEGLOVE: { label: 'White glove', expedited: false },
  },
  AMAZON: {
    FREEECONOMY: { label: 'Free economy', expedited: false },
    STANDARD: { label: 'Standard', expedited: false },
    EXPEDITED: { label: 'Expedited', expedited: true },
    SECONDDAY: { label: 'Two-day', expedited: true },
    NEXTDAY: { label: 'Next day', expedited: true },
    SAMEDAY: { label: 'Same day', expedited: true },
    PRIORITY: { label: 'Priority', expedited: true },
    SCHEDULED: { label: 'Scheduled delivery', expedited: false },
  },
};

const normalise = (code: string) => code.toUpperCase().replace(/[\s_-]+/g, '');

function factsOf(channel: Channel, code: string | null | undefined): ShipMethodFacts | null {
  if (!code) return null;
  return SHIP_METHODS[channel]?.[normalise(code)] ?? null;
}

/** True when the buyer paid for a faster-than-standard delivery (two-day, next day, same day, priority, rush). */
export function isExpeditedShipMethod(channel: Channel, code: string | null | undefined): boolean {
  return factsOf(channel, code)?.expedited ?? false;
}

/** The ship method in words ("Two-day", "Standard"); an unknown code is shown as the channel sent it; null: none. */
export function shipMethodLabel(channel: Channel, code: string | null | undefined): string | null {
  if (!code) return null;
  return factsOf(channel, code)?.label ?? code;
}
