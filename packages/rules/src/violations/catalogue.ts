import type { Severity, Violation } from '@order-hub/types';

interface CatalogueEntry {
  severity: Severity;
  description: string;
}

/** Every violation code the rules raise, with its fixed severity: what docs, the console and tests enumerate. */
export const VIOLATION_CATALOGUE = {
  TRACKING_REQUIRED: { severity: 'BLOCK', description: 'A shipment needs a tracking number.' },
  TRACKING_SPECIAL_CHARACTERS: {
    severity: 'BLOCK',
    description: 'The tracking number contains characters other than letters and digits.',
  },
  TRACKING_MULTIPLE_NUMBERS: {
    severity: 'BLOCK',
    description: 'The field holds more than one tracking number; send one per package.',
  },
  TRACKING_FORMAT: {
    severity: 'BLOCK',
    description: "The number does not have the layout of any of the named carrier's tracking numbers.",
  },
  TRACKING_CHECK_DIGIT: {
    severity: 'BLOCK',
    description: 'The number has the layout of the named carrier but its check digit is wrong (a typo).',
  },
  TRACKING_CARRIER_MISMATCH: {
    severity: 'BLOCK',
    description: 'The number belongs to another carrier than the one named.',
  },
  TRACKING_MATCHES_LISTED_CARRIER: {
    severity: 'WARN',
    description: 'The carrier is Other but the number looks like one of a listed carrier.',
  },
  TRACKING_PLACEHOLDER: {
    severity: 'BLOCK',
    description: 'The number is a placeholder: too short, one repeated digit, or a run like 12345.',
  },
  TRACKING_EQUALS_ORDER_NUMBER: { severity: 'BLOCK', description: "The tracking number is the order's own number." },
  TRACKING_REUSED: { severity: 'BLOCK', description: 'The tracking number was used on another order recently.' },
  TRACKING_EDIT_WINDOW_CLOSED: {
    severity: 'BLOCK',
    description: 'The channel no longer accepts tracking changes for this shipment.',
  },
  TRACKING_URL_REQUIRED: {
    severity: 'BLOCK',
    description: 'The channel needs a tracking URL for a carrier outside its list.',
  },
  TRACKING_URL_INVALID: { severity: 'BLOCK', description: 'The tracking URL is not an http(s) address.' },
  CARRIER_NOT_ACCEPTED: { severity: 'BLOCK', description: 'The channel does not accept this carrier.' },
  CARRIER_NAME_REQUIRED: { severity: 'BLOCK', description: 'A carrier of Other needs the carrier name.' },
  CARRIER_IS_LAST_MILE: {
    severity: 'WARN',
    description:
      'The number looks like a hand-off service’s label (SmartPost, SurePost, Mail Innovations) entered under the carrier that delivers it; the channel wants the carrier that picked the parcel up.',
  },
  CARRIER_NOT_INTEGRATED: {
    severity: 'WARN',
    description: 'The channel gets no scans from a carrier outside its list, which can count against valid tracking.',
  },
  AMAZON_LOGISTICS_ON_WALMART: {
    severity: 'BLOCK',
    description: 'Walmart orders must never be delivered or tracked by Amazon Logistics, nor carry a link to Amazon.',
  },
  ORDER_NOT_SHIPPABLE: { severity: 'BLOCK', description: 'The order is in a status that cannot be shipped.' },
  ORDER_NOT_ACKNOWLEDGED: {
    severity: 'WARN',
    description:
      'Walmart orders must be acknowledged before they ship; the hub acknowledges first when it confirms the shipment.',
  },
  LINES_REQUIRED: { severity: 'BLOCK', description: 'The action names no order lines.' },
  LINE_UNKNOWN: { severity: 'BLOCK', description: 'The line is not on this order.' },
  LINE_DUPLICATE: { severity: 'BLOCK', description: 'The same line appears twice in one request.' },
  QUANTITY_INVALID: { severity: 'BLOCK', description: 'Quantities are whole numbers of at least 1.' },
  QUANTITY_EXCEEDS_OPEN: { severity: 'BLOCK', description: 'The quantity is more than is left on the line.' },
  TOO_MANY_LINES: {
    severity: 'BLOCK',
    description: 'The channel takes at most a fixed number of lines per request; split it.',
  },
  SHIP_DATE_IN_FUTURE: {
    severity: 'BLOCK',
    description: 'A shipment is confirmed only after the carrier has the parcel.',
  },
  SHIP_DATE_BEFORE_ORDER: { severity: 'BLOCK', description: 'The ship date is before the order was placed.' },
  PACKAGE_MEASURE_INVALID: { severity: 'BLOCK', description: 'Weights and dimensions must be positive numbers.' },
  PACKAGE_TOO_LARGE_FOR_TYPE: {
    severity: 'WARN',
    description: 'The package is larger or heavier than a letter or flat may be.',
  },
  CANCEL_REASON_REQUIRED: { severity: 'BLOCK', description: 'A cancellation needs a reason.' },
  CANCEL_REASON_RETIRED: {
    severity: 'BLOCK',
    description: 'The channel retired this cancellation reason; the message names the current ones.',
  },
  CANCEL_REASON_UNKNOWN: { severity: 'BLOCK', description: 'The channel does not know this cancellation reason.' },
  CANCEL_REASON_REQUIRES_BUYER_REQUEST: {
    severity: 'BLOCK',
    description: 'The reason says the buyer asked to cancel, but the buyer made no cancel request on the line.',
  },
  CANCEL_LINE_SHIPPED: { severity: 'BLOCK', description: 'A shipped line cannot be cancelled; refund it instead.' },
  CANCEL_PARTIAL_ITEM: {
    severity: 'BLOCK',
    description: 'The channel cancels an item whole: all of its open units, or none.',
  },
  REFUND_LINE_NOT_SHIPPED: {
    severity: 'BLOCK',
    description: 'Only shipped lines can be refunded; cancel unshipped ones.',
  },
  REFUND_AMOUNT_INVALID: { severity: 'BLOCK', description: 'A refund is a whole number of cents above zero.' },
  REFUND_ABOVE_CHARGE: {
    severity: 'BLOCK',
    description: 'The refunds on a line may not exceed what the customer paid for it.',
  },
  REFUND_REASON_REQUIRED: { severity: 'BLOCK', description: 'A refund needs a reason.' },
  REFUND_REASON_UNKNOWN: { severity: 'BLOCK', description: 'The channel does not know this refund reason.' },
  REFUND_MIXED_FULL_PARTIAL: {
    severity: 'BLOCK',
    description: 'Walmart refunds lines either all in full or all partially in one request.',
  },
  RETURN_REFUND_LINE_NOT_RETURNED: {
    severity: 'BLOCK',
    description: 'Only lines of the return can be refunded from it, each named once.',
  },
  RETURN_REFUND_QUANTITY_INVALID: {
    severity: 'BLOCK',
    description: 'A return refund names a whole number of units above zero.',
  },
  RETURN_REFUND_ALREADY_REFUNDED: {
    severity: 'BLOCK',
    description: 'Every returned unit of the line is refunded already, or a refund for it is on its way.',
  },
  RETURN_REFUND_ABOVE_RETURNED: {
    severity: 'BLOCK',
    description: 'More units than came back and are not refunded yet.',
  },
  RETURN_REFUND_ABOVE_PAID: {
    severity: 'BLOCK',
    description: 'A return refund may not exceed what the buyer paid for the returned units.',
  },
  RETURN_REFUND_AMOUNT_NOT_TAKEN: {
    severity: 'BLOCK',
    description: 'The channel refunds a return by units and sets the amount itself.',
  },
  RETURN_REFUND_NOT_RECEIVED: {
    severity: 'BLOCK',
    description: 'The channel refunds returned units once they are back with the seller.',
  },
  RETURN_REFUND_CLOSED: { severity: 'BLOCK', description: 'The return was closed without a refund.' },
  RETURN_REFUND_REASON_NOT_TAKEN: {
    severity: 'WARN',
    description: "The channel's return refund takes no reason; the reason given is not sent.",
  },
} as const satisfies Record<string, CatalogueEntry>;

export type ViolationCode = keyof typeof VIOLATION_CATALOGUE;
export const VIOLATION_CODES = Object.keys(VIOLATION_CATALOGUE) as ViolationCode[];

/** A violation with the catalogue's severity for its code. */
export function violation(
  code: ViolationCode,
  field: string,
  message: string,
  details?: Record<string, unknown>,
): Violation {
  const v: Violation = { code, severity: VIOLATION_CATALOGUE[code].severity, field, message };
  if (details) v.details = details;
  return v;
}

export function hasBlocking(violations: readonly Violation[]): boolean {
  return violations.some((v) => v.severity === 'BLOCK');
}
