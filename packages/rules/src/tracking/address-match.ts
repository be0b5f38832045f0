import type { AddressMatch, CarrierLocation } from '@order-hub/types';
import { CITY_WORD_ABBREVIATIONS, COUNTRY_ALIASES, US_STATE_CODES } from './address-abbreviations';

/** The order's ship-to as far as the comparison needs it. */
export interface ShipToPlace {
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country?: string | null;
}

export interface AddressMatchResult {
  match: AddressMatch;
  /** Why, for people: which parts were compared and how they differ. */
  reason: string;
}

interface Place {
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
}

/** Upper case, punctuation to spaces, spaces collapsed; null when nothing is left. */
function words(value: string | null | undefined): string | null {
  const cleaned = (value ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/['’]/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
  return cleaned || null;
}

export function normalizeCity(city: string | null | undefined): string | null {
  const cleaned = words(city);
  return (
    cleaned &&
    cleaned
      .split(' ')
      .map((w) => CITY_WORD_ABBREVIATIONS[w] ?? w)
      .join(' ')
  );
}

export function normalizeState(state: string | null | undefined): string | null {
  const cleaned = words(state);
  if (!cleaned) return null;
  const compact = cleaned.replace(/ /g, '');
  // "A.R." is a code written with dots, not a two-word name.
  return US_STATE_CODES[cleaned] ?? (compact.length === 2 ? compact : cleaned);
}

/** A US ZIP (with or without +4) as its five digits; any other postal code without spaces; null when unusable. */
export function normalizePostalCode(code: string | null | undefined): string | null {
  const trimmed = (code ?? '').trim();
  const zip = /^(\d{5})(?:[-\s]?\d{4})?$/.exec(trimmed);
  if (zip) return zip[1];
  const other = words(trimmed)?.replace(/ /g, '') ?? null;
  // A number shorter than a ZIP (a dropped leading zero, a partial code) cannot be compared: unknown, never a guess.
  return other && /^\d+$/.test(other) ? null : other;
}

function normalizeCountry(country: string | null | undefined): string | null {
  const cleaned = words(country);
  return cleaned && (COUNTRY_ALIASES[cleaned] ?? cleaned);
}

function place(city?: string | null, state?: string | null, zip?: string | null, country?: string | null): Place {
  return {
    city: normalizeCity(city),
    state: normalizeState(state),
    zip: normalizePostalCode(zip),
    country: normalizeCountry(country),
  };
}

/** A location the comparison can use: a postal code, or a city with its state. */
const usable = (p: Place) => p.zip !== null || (p.city !== null && p.state !== null);

const placeText = (p: Place) => [p.city, p.state, p.zip, p.country].filter(Boolean).join(' ');

/**
 * The carrier's delivery location held against the order's ship-to (shared/docs/reference/carrier-tracking.md,
 * "Address mismatch"; Walmart's Address Mismatch alarm): a differing ZIP5, or a city and a state that both differ, is a
 * MISMATCH; a country that differs is one too. A location the carrier did not give is UNKNOWN, never a match. The
 * delivery scan's location is used when it has a ZIP or a city and state, else the carrier's destination. Case,
 * punctuation, accents and common abbreviations (ST/SAINT/STREET, FT/FORT, MT/MOUNT, state names) are normalised.
 */
export function matchDeliveryAddress(
  shipTo: ShipToPlace,
  delivered: CarrierLocation | null,
  destination?: CarrierLocation | null,
): AddressMatchResult {
  const ordered = place(shipTo.city, shipTo.state, shipTo.postalCode, shipTo.country);
  const candidates: [string, CarrierLocation | null | undefined][] = [
    ['delivery scan', delivered],
    ['carrier destination', destination],
  ];
  const found = candidates
    .map(([label, loc]) => [label, loc && place(loc.city, loc.state, loc.zip, loc.country)] as const)
    .find(([, p]) => p && usable(p));
  if (!found) return { match: 'UNKNOWN', reason: 'The carrier reported no delivery location' };
  const [label, carrier] = found as readonly [string, Place];
  if (!usable(ordered))
    return { match: 'UNKNOWN', reason: `The order's ship-to has neither a ZIP nor a city and state` };
  const seen = `${label} ${placeText(carrier)}; ship-to ${placeText(ordered)}`;
  if (carrier.country && ordered.country && carrier.country !== ordered.country)
    return { match: 'MISMATCH', reason: `Country differs (${seen})` };
  const zipsCompared = carrier.zip !== null && ordered.zip !== null;
  if (zipsCompared && carrier.zip !== ordered.zip) return { match: 'MISMATCH', reason: `ZIP differs (${seen})` };
  const cityStateCompared = !!(carrier.city && carrier.state && ordered.city && ordered.state);
  if (cityStateCompared && carrier.city !== ordered.city && carrier.state !== ordered.state)
    return { match: 'MISMATCH', reason: `City and state both differ (${seen})` };
  if (zipsCompared) return { match: 'MATCH', reason: `ZIP matches (${seen})` };
  if (cityStateCompared) return { match: 'MATCH', reason: `City or state matches, no ZIP to compare (${seen})` };
  return { match: 'UNKNOWN', reason: `No part of the location can be compared (${seen})` };
}
