import { CARRIER_CODES, type CarrierCode } from '@order-hub/types';
import { CARRIER_FORMATS, type CarrierFormat } from './carrier-formats';
import { checkDigitFor } from './checksums';

/** A format made ready for the hot path: one regex, a carrier bit mask and a check-digit test. */
export interface CompiledFormat {
  format: CarrierFormat;
  re: RegExp;
  mask: number;
  firstChars: string;
  /** Whether the matched groups carry a correct check digit (always true for formats without one). */
  checks(groups: Record<string, string | undefined>): boolean;
}

export const carrierBit = (carrier: CarrierCode): number => 1 << CARRIER_CODES.indexOf(carrier);

function compile(format: CarrierFormat): CompiledFormat {
  const spec = format.checksum;
  let checks: CompiledFormat['checks'] = () => true;
  if (spec) {
    const lead = spec.lead ?? '';
    checks =
      typeof lead === 'string'
        ? (g) => checkDigitFor(spec, g.body!, lead) === g.check!.charCodeAt(0) - 48
        : (g) => checkDigitFor(spec, g.body!, lead.map[g[lead.group]!]) === g.check!.charCodeAt(0) - 48;
  }
  return {
    format,
    re: new RegExp(format.pattern),
    mask: format.carriers.reduce((m, c) => m | carrierBit(c), 0),
    firstChars: format.firstChars,
    checks,
  };
}

export const MAX_FORMAT_LENGTH = Math.max(...CARRIER_FORMATS.flatMap((f) => f.lengths));

/** Formats indexed by the length of number they accept, so a check runs only the regexes that can match. */
export const FORMATS_BY_LENGTH: readonly (readonly CompiledFormat[])[] = (() => {
  const buckets: CompiledFormat[][] = Array.from({ length: MAX_FORMAT_LENGTH + 1 }, () => []);
  for (const format of CARRIER_FORMATS) {
    const compiled = compile(format);
    for (const n of format.lengths) buckets[n].push(compiled);
  }
  return buckets;
})();

const carriersByMask = new Map<number, readonly CarrierCode[]>();

/** The carriers in a bit mask, in CARRIER_CODES order; one shared frozen array per mask. */
export function carriersIn(mask: number): CarrierCode[] {
  let found = carriersByMask.get(mask);
  if (!found) {
    found = Object.freeze(CARRIER_CODES.filter((c) => (mask & carrierBit(c)) !== 0));
    carriersByMask.set(mask, found);
  }
  return found as CarrierCode[];
}
