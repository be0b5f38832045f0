import type { Channel, ReturnReasonCategory } from '@order-hub/types';

interface ReasonEntry {
  label: string;
  category: ReturnReasonCategory;
}

const S = 'SELLER_FAULT' as const;
const B = 'BUYER_REMORSE' as const;
const O = 'OTHER' as const;

/**
 * Walmart `returnReason` codes (the Returns API model's ReturnOrderLine.returnReason description lists these 19), with
 * how each counts. Seller fault: what the seller shipped or promised was wrong (Walmart's Returns Insights groups
 * "defective, damaged, late, incorrect item"); buyer remorse: the buyer changed their mind; other: lost or undeliverable.
 */
const WALMART_REASONS: Record<string, ReasonEntry> = {
  ARRIVED_LATE: { label: 'Arrived late', category: S },
  AUTO_RETURN: { label: 'Returned automatically (undeliverable)', category: O },
  BOUGHT_ANOTHER_SIZE_OR_COLOR: { label: 'Bought another size or colour', category: B },
  BOUGHT_SOMEWHERE_ELSE: { label: 'Bought somewhere else', category: B },
  DAMAGED: { label: 'Damaged', category: S },
  DEFECTIVE: { label: 'Defective', category: S },
  DUPLICATE_ITEM: { label: 'Duplicate item', category: B },
  INADEQUATE_QUALITY: { label: 'Quality not as expected', category: S },
  INCORRECT_ITEM: { label: 'Wrong item sent', category: S },
  LOST_AFTER_DELIVERY: { label: 'Lost after delivery', category: O },
  LOST_IN_TRANSIT: { label: 'Lost in transit', category: O },
  LOWER_PRICE: { label: 'Found a lower price', category: B },
  MISSING_PARTS: { label: 'Missing parts', category: S },
  NOT_AS_DESCRIBED: { label: 'Not as described', category: S },
  NO_LONGER_WANTED: { label: 'No longer wanted', category: B },
  RETURN_TO_SENDER: { label: 'Returned to sender', category: O },
  SHIPPING_BOX_DAMAGED: { label: 'Shipping box damaged', category: S },
  TRIED_TO_CANCEL: { label: 'Buyer tried to cancel', category: B },
  'WRONG_SIZE/POOR_FIT': { label: 'Wrong size or poor fit', category: B },
};

/**
 * Amazon return reason codes as the returns reports carry them (with or without the `CR-` prefix), from Amazon's
 * returns reports attributes and Seller Central's return reasons. Unknown codes read as words and count as other.
 */
const AMAZON_REASONS: Record<string, ReasonEntry> = {
  DEFECTIVE: { label: 'Defective or does not work', category: S },
  DAMAGED_BY_CARRIER: { label: 'Damaged in transit', category: S },
  DAMAGED_BY_FC: { label: 'Damaged before shipping', category: S },
  SWITCHEROO: { label: 'Wrong item sent', category: S },
  MISSING_PARTS: { label: 'Missing parts or accessories', category: S },
  QUALITY_UNACCEPTABLE: { label: 'Quality not as expected', category: S },
  NOT_AS_DESCRIBED: { label: 'Not as described', category: S },
  'AMZ-PG-BAD-DESC': { label: 'Not as described', category: S },
  MISSED_ESTIMATED_DELIVERY: { label: 'Arrived too late', category: S },
  EXTRA_ITEM: { label: 'Extra item sent', category: S },
  UNWANTED_ITEM: { label: 'No longer wanted', category: B },
  ORDERED_WRONG_ITEM: { label: 'Ordered the wrong item', category: B },
  FOUND_BETTER_PRICE: { label: 'Found a better price', category: B },
  NOT_COMPATIBLE: { label: 'Not compatible', category: B },
  UNAUTHORIZED_PURCHASE: { label: 'Purchased by mistake', category: B },
  'AMZ-PG-APP-TOO-LARGE': { label: 'Too large', category: B },
  'AMZ-PG-APP-TOO-SMALL': { label: 'Too small', category: B },
  'AMZ-PG-MISORDERED': { label: 'Ordered by mistake', category: B },
  NO_REASON_GIVEN: { label: 'No reason given', category: O },
  UNDELIVERABLE_REFUSED: { label: 'Refused at delivery', category: O },
  UNDELIVERABLE_UNKNOWN: { label: 'Undeliverable', category: O },
};

const TABLES: Record<Channel, Record<string, ReasonEntry>> = { WALMART: WALMART_REASONS, AMAZON: AMAZON_REASONS };

function entry(channel: Channel, code: string | null): ReasonEntry | undefined {
  if (!code) return undefined;
  const table = TABLES[channel];
  const trimmed = code.trim();
  return table[trimmed] ?? table[trimmed.toUpperCase()] ?? table[trimmed.toUpperCase().replace(/^CR-/, '')];
}

const words = (code: string) => {
  const plain = code.trim().replace(/^CR-/i, '').replace(/[_-]+/g, ' ').toLowerCase();
  return plain.charAt(0).toUpperCase() + plain.slice(1);
};

/** A return reason in words ("DAMAGED" → "Damaged", "CR-UNWANTED_ITEM" → "No longer wanted"); "No reason given" when none. */
export function returnReasonLabel(channel: Channel, code: string | null): string {
  if (!code?.trim()) return 'No reason given';
  return entry(channel, code)?.label ?? words(code);
}

/** Whether a return reason is the seller's doing, the buyer's choice, or neither; unknown codes are OTHER. */
export function returnReasonCategory(channel: Channel, code: string | null): ReturnReasonCategory {
  return entry(channel, code)?.category ?? 'OTHER';
}

/** The reason codes the hub knows for a channel (for filters and docs). */
export function knownReturnReasons(
  channel: Channel,
): { code: string; label: string; category: ReturnReasonCategory }[] {
  return Object.entries(TABLES[channel]).map(([code, e]) => ({ code, ...e }));
}

/** How each category reads. */
export const RETURN_REASON_CATEGORY_LABELS: Record<ReturnReasonCategory, string> = {
  SELLER_FAULT: 'Seller fault',
  BUYER_REMORSE: 'Buyer remorse',
  OTHER: 'Other',
};
