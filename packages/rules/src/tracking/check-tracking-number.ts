import type { CarrierCode, Violation } from '@order-hub/types';
import { CARRIER_LABELS, listLabels, withArticle } from '../carriers/carrier-labels';
import { violation } from '../violations/catalogue';
import { carrierBit, carriersIn, FORMATS_BY_LENGTH, MAX_FORMAT_LENGTH, type CompiledFormat } from './compiled-formats';
import { isPlaceholder } from './placeholder';

export interface TrackingCheck {
  valid: boolean;
  /** The number as carriers and marketplaces display it: no spaces, upper case, barcode prefixes removed. */
  normalized: string;
  /** Id of the named carrier's format the number has (see CARRIER_FORMATS). */
  format?: string;
  /** False when the format has no check digit, so only its shape could be checked. */
  hasCheckDigit: boolean;
  /** Every carrier whose formats (check digit included) the number fits. */
  matchingCarriers: readonly CarrierCode[];
  violations: Violation[];
}

export interface TrackingCheckOptions {
  /** The order's own numbers (PO, customer order number), which are never a tracking number. */
  orderNumbers?: readonly (string | null | undefined)[];
}

const FIELD = 'trackingNumber';
const LIST_SEPARATOR = /[,;|/\n\r]/;
const TOKEN_SPLIT = /[\s,;|/]+/;
const NON_ALPHANUMERIC = /[^A-Z0-9]/;

/** Removes whitespace and upper-cases, allocating only when the input needs it. */
export function cleanTrackingNumber(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c <= 32 || (c >= 97 && c <= 122) || c > 126) return raw.replace(/\s+/g, '').toUpperCase();
  }
  return raw;
}

interface Scan {
  /** Carriers whose formats match with a correct check digit. */
  mask: number;
  named?: CompiledFormat;
  namedGroups?: Record<string, string | undefined>;
  /** A format of the named carrier whose layout matched but whose check digit did not. */
  badCheck?: CompiledFormat;
  firstGroups?: Record<string, string | undefined>;
}

function scan(cleaned: string, carrierMask: number): Scan {
  const result: Scan = { mask: 0 };
  if (cleaned.length > MAX_FORMAT_LENGTH) return result;
  const first = cleaned[0];
  for (const f of FORMATS_BY_LENGTH[cleaned.length]) {
    if (!f.firstChars.includes(first)) continue;
    const m = f.re.exec(cleaned);
    if (!m) continue;
    const groups = m.groups ?? {};
    const forNamed = (f.mask & carrierMask) !== 0;
    if (f.checks(groups)) {
      result.mask |= f.mask;
      result.firstGroups ??= groups;
      if (forNamed && !result.named) {
        result.named = f;
        result.namedGroups = groups;
      }
    } else if (forNamed) {
      result.badCheck ??= f;
    }
  }
  return result;
}

/** Every carrier whose formats the number fits (check digit included), for diagnostics. */
export function detectCarriers(trackingNumber: string): CarrierCode[] {
  return [...carriersIn(scan(cleanTrackingNumber(trackingNumber.trim()), 0).mask)];
}

/** Several numbers typed into one field: separated by commas and the like, or by spaces when each part is a number. */
function multipleNumbers(raw: string, named: boolean): string[] | null {
  if (!LIST_SEPARATOR.test(raw) && (named || !/\S\s+\S/.test(raw))) return null;
  const tokens = raw.split(TOKEN_SPLIT).filter((t) => t.length > 0);
  if (tokens.length < 2) return null;
  if (LIST_SEPARATOR.test(raw)) return tokens;
  return tokens.every((t) => scan(cleanTrackingNumber(t), 0).mask !== 0) ? tokens : null;
}

/**
 * Checks a tracking number against the carrier the operator named: layout and check digit, placeholders,
 * the order's own numbers, and which other carriers the number belongs to when it is not the named one's.
 */
export function checkTrackingNumber(
  trackingNumber: string,
  carrier: CarrierCode,
  options?: TrackingCheckOptions,
): TrackingCheck {
  const raw = trackingNumber ?? '';
  const cleaned = cleanTrackingNumber(raw);
  if (cleaned.length === 0) {
    return {
      valid: false,
      normalized: '',
      hasCheckDigit: false,
      matchingCarriers: [],
      violations: [
        violation('TRACKING_REQUIRED', FIELD, 'Enter the tracking number the carrier gave for this package.'),
      ],
    };
  }

  const carrierMask = carrier === 'OTHER' ? 0 : carrierBit(carrier);
  const found = scan(cleaned, carrierMask);
  const violations: Violation[] = [];
  const label = CARRIER_LABELS[carrier];

  const several = multipleNumbers(raw, found.named !== undefined);
  if (several) {
    violations.push(
      violation(
        'TRACKING_MULTIPLE_NUMBERS',
        FIELD,
        `The field holds ${several.length} numbers; enter one tracking number per package.`,
        {
          numbers: several,
        },
      ),
    );
    return { valid: false, normalized: cleaned, hasCheckDigit: false, matchingCarriers: [], violations };
  }

  const groups = found.namedGroups ?? found.firstGroups;
  const normalized = groups?.number ?? cleaned;
  const matchingCarriers = carriersIn(found.mask);
  const others = found.mask & ~carrierMask;

  if (!found.named && NON_ALPHANUMERIC.test(cleaned)) {
    violations.push(
      violation(
        'TRACKING_SPECIAL_CHARACTERS',
        FIELD,
        'Tracking numbers have only letters and digits; remove the other characters.',
      ),
    );
  } else if (carrier !== 'OTHER' && !found.named) {
    if (found.badCheck) {
      violations.push(
        violation(
          'TRACKING_CHECK_DIGIT',
          FIELD,
          `This looks like ${withArticle(found.badCheck.format.name)} number but its check digit is wrong; check it for a typo.`,
          {
            format: found.badCheck.format.id,
          },
        ),
      );
    }
    if (others) {
      const belongs = carriersIn(others);
      violations.push(
        violation(
          'TRACKING_CARRIER_MISMATCH',
          FIELD,
          `This is ${withArticle(listLabels(belongs))} number, not ${label}.`,
          { matchingCarriers: belongs },
        ),
      );
    } else if (!found.badCheck) {
      violations.push(
        violation('TRACKING_FORMAT', FIELD, `This is not the layout of ${withArticle(label)} tracking number.`),
      );
    }
  } else if (carrier === 'OTHER' && others) {
    const belongs = carriersIn(others);
    violations.push(
      violation(
        'TRACKING_MATCHES_LISTED_CARRIER',
        FIELD,
        `This looks like ${withArticle(listLabels(belongs))} number; choose that carrier rather than Other.`,
        {
          matchingCarriers: belongs,
        },
      ),
    );
  }

  if (isPlaceholder(normalized, groups?.body ?? normalized)) {
    violations.push(
      violation('TRACKING_PLACEHOLDER', FIELD, `${raw.trim()} is a placeholder, not a real tracking number.`),
    );
  }
  const orderNumber = options?.orderNumbers?.find(
    (n) => n && (cleanTrackingNumber(n) === cleaned || cleanTrackingNumber(n) === normalized),
  );
  if (orderNumber) {
    violations.push(
      violation('TRACKING_EQUALS_ORDER_NUMBER', FIELD, `${orderNumber} is the order number, not a tracking number.`),
    );
  }

  const format = found.named ?? found.badCheck;
  const check: TrackingCheck = {
    valid: !violations.some((v) => v.severity === 'BLOCK'),
    normalized,
    hasCheckDigit: format ? format.format.checksum !== null : false,
    matchingCarriers,
    violations,
  };
  if (format) check.format = format.format.id;
  return check;
}
