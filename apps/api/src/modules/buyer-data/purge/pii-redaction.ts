import { buyerPiiPayloadKeys } from '@order-hub/rules';
import type { PostalAddress } from '@order-hub/types';

export const REDACTED = '[redacted]';

/** Keys whose value is buyer PII wherever it appears: the channels' (rules' buyer data policy) and the hub's own. */
const PII_KEYS = buyerPiiPayloadKeys();

/** Postal codes keep their first three characters (ZIP3: enough for the compliance regions, not a street). */
const POSTAL_KEYS = new Set(['postalcode', 'zip', 'zipcode']);

const keyOf = (key: string) => key.toLowerCase().replace(/[_-]/g, '');

/** The shortest value scrubbed by value: shorter strings (a state, a single letter) would hit unrelated text. */
const MIN_SCRUB_LENGTH = 4;

/** Text of one order's buyer PII, to be found and removed wherever it was copied (logs, payloads, messages). */
export class BuyerPii {
  private readonly pattern: RegExp | null;

  constructor(readonly values: readonly string[]) {
    const distinct = [...new Set(values.map((v) => v.trim()).filter((v) => v.length >= MIN_SCRUB_LENGTH))];
    // Longest first, so a street is removed whole rather than leaving the part after a shorter name inside it.
    distinct.sort((a, b) => b.length - a.length);
    this.pattern = distinct.length
      ? new RegExp(distinct.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi')
      : null;
  }

  /** Gathers the PII of an order from its ship-to and any PII keys of its raw payload. */
  static of(shipTo: PostalAddress | null, ...payloads: unknown[]): BuyerPii {
    const values: string[] = [];
    if (shipTo)
      for (const v of [shipTo.name, shipTo.line1, shipTo.line2, shipTo.line3, shipTo.phone]) if (v) values.push(v);
    for (const payload of payloads) collectPiiValues(payload, values, false);
    return new BuyerPii(values);
  }

  merge(other: BuyerPii): BuyerPii {
    return new BuyerPii([...this.values, ...other.values]);
  }

  get empty(): boolean {
    return this.pattern === null;
  }

  /** The text with every PII value replaced; the same text (same object) when nothing matched. */
  text<T extends string | null>(text: T): T {
    if (text === null || !this.pattern) return text;
    this.pattern.lastIndex = 0;
    return (this.pattern.test(text) ? text.replace(this.pattern, REDACTED) : text) as T;
  }

  /** A copy of a JSON value with PII keys emptied, postal codes cut to ZIP3, and PII values scrubbed from strings. */
  json<T>(value: T): T {
    return redactValue(value, this) as T;
  }
}

function collectPiiValues(value: unknown, into: string[], underPiiKey: boolean): void {
  if (typeof value === 'string') {
    if (underPiiKey) into.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collectPiiValues(v, into, underPiiKey);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectPiiValues(v, into, underPiiKey || PII_KEYS.has(keyOf(k)));
  }
}

function redactValue(value: unknown, pii: BuyerPii): unknown {
  if (typeof value === 'string') return pii.text(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, pii));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = keyOf(k);
      if (PII_KEYS.has(key)) out[k] = v === null ? null : typeof v === 'object' ? null : REDACTED;
      else if (POSTAL_KEYS.has(key) && typeof v === 'string') out[k] = zip3(v);
      else out[k] = redactValue(v, pii);
    }
    return out;
  }
  return value;
}

export function zip3(postalCode: string): string {
  return postalCode.trim().slice(0, 3);
}

/** The ship-to kept after redaction: city, state, ZIP3 and country; no name, street or phone. */
export interface RedactedShipTo {
  name: null;
  line1: null;
  line2: null;
  line3: null;
  city: string;
  stateOrRegion: string;
  postalCode: string;
  countryCode: string;
  phone: null;
}

export function redactShipTo(shipTo: PostalAddress | null): RedactedShipTo | null {
  if (!shipTo) return null;
  return {
    name: null,
    line1: null,
    line2: null,
    line3: null,
    city: shipTo.city,
    stateOrRegion: shipTo.stateOrRegion,
    postalCode: zip3(shipTo.postalCode ?? ''),
    countryCode: shipTo.countryCode,
    phone: null,
  };
}
