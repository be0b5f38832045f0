/** Units packed for a line: what was ordered less what was cancelled. */
export const packedUnits = (l: { quantityOrdered: number; quantityCancelled: number }) =>
  Math.max(0, l.quantityOrdered - l.quantityCancelled);

interface Address {
  name?: string | null;
  line1?: string | null;
  line2?: string | null;
  line3?: string | null;
  city: string;
  stateOrRegion: string;
  postalCode: string;
  countryCode: string;
}

/** The ship-to as printed lines; a redacted order's name and street are gone, so it says so. */
export function shipToLines(shipTo: Address | null, redacted: boolean): string[] {
  if (redacted || !shipTo) {
    const place = shipTo
      ? [shipTo.city, [shipTo.stateOrRegion, shipTo.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ')
      : '';
    return ['Address removed', ...(place ? [place] : [])];
  }
  return [
    shipTo.name,
    shipTo.line1,
    shipTo.line2,
    shipTo.line3,
    `${shipTo.city}, ${shipTo.stateOrRegion} ${shipTo.postalCode}`,
    shipTo.countryCode,
  ].filter((l): l is string => Boolean(l?.trim()));
}

/** "3 orders · 7 units". */
export function pickListSummary(orderCount: number, units: number): string {
  return `${orderCount} ${orderCount === 1 ? 'order' : 'orders'} · ${units} ${units === 1 ? 'unit' : 'units'}`;
}
