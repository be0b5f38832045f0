import type { CarrierCode, LabelSource } from '@order-hub/types';
import { CARRIER_LABELS } from '../carriers/carrier-labels';
import { dayInWords } from './label-dates';

/** How long a bought label may be voided (its postage refunded), with where the figure comes from. */
export interface LabelVoidWindow {
  /** Days after purchase; null when no figure is published (then only the first-scan rule bounds it). */
  days: number | null;
  /** A label the carrier has scanned is never voidable, whatever the days. */
  beforeFirstScanOnly: true;
  source: string;
  /** When the figure was read from its source (ISO date). */
  effective: string;
}

interface WindowRow {
  source: LabelSource;
  carriers: readonly CarrierCode[] | 'OTHERS';
  days: number | null;
  text: string;
  effective: string;
}

const EASYPOST_REFUND =
  'EasyPost, Shipping Refund (docs.easypost.com/docs/shipments/shipping-refund): "USPS shipping labels can be refunded if requested within 30 days of generation … To qualify, a shipment must not have been scanned by the USPS. UPS and FedEx shipping labels may be refunded within 90 days of creation."; refunds only while the tracker is pre_transit (support.easypost.com Refunds FAQs)';
const AMAZON_CANCEL =
  'Amazon Shipping API v2, Tutorial: Cancel a Shipment (developer-docs.amazon.com/amazon-shipping/docs/tutorial-cancel-a-shipment): cancelShipment "cancels a shipment that has not been picked up for delivery (EU, NA and IN)"; "Carrier cancellation windows vary"';

/** Rows are read top down; the first whose source and carrier match wins. */
export const LABEL_VOID_WINDOWS: readonly WindowRow[] = [
  { source: 'PROVIDER', carriers: ['USPS'], days: 30, text: EASYPOST_REFUND, effective: '2025-05-09' },
  {
    source: 'PROVIDER',
    carriers: ['UPS', 'UPS_MAIL_INNOVATIONS', 'FEDEX', 'FEDEX_SMARTPOST'],
    days: 90,
    text: EASYPOST_REFUND,
    effective: '2025-05-09',
  },
  {
    source: 'PROVIDER',
    carriers: 'OTHERS',
    days: 30,
    text: `${EASYPOST_REFUND}; other carriers: no figure published, so the shortest published window (USPS's 30 days)`,
    effective: '2025-05-09',
  },
  // Amazon names the carrier's window without giving it: the carrier's own postage refund window where one is
  // published (USPS 30 days, UPS and FedEx 90), else until the first scan only.
  {
    source: 'CHANNEL',
    carriers: ['USPS'],
    days: 30,
    text: `${AMAZON_CANCEL}; USPS postage refund window as EasyPost publishes it (30 days of generation)`,
    effective: '2026-01-01',
  },
  {
    source: 'CHANNEL',
    carriers: ['UPS', 'UPS_MAIL_INNOVATIONS', 'FEDEX', 'FEDEX_SMARTPOST'],
    days: 90,
    text: `${AMAZON_CANCEL}; UPS and FedEx refund window as EasyPost publishes it (90 days of creation)`,
    effective: '2026-01-01',
  },
  {
    source: 'CHANNEL',
    carriers: 'OTHERS',
    days: null,
    text: `${AMAZON_CANCEL}; no window published for Amazon Shipping and other carriers: until the carrier picks the parcel up`,
    effective: '2026-01-01',
  },
];

/** How long a label bought from `source` for `carrier` may be voided. */
export function labelVoidWindow(source: LabelSource, carrier: CarrierCode): LabelVoidWindow {
  const row =
    LABEL_VOID_WINDOWS.find((r) => r.source === source && r.carriers !== 'OTHERS' && r.carriers.includes(carrier)) ??
    LABEL_VOID_WINDOWS.find((r) => r.source === source && r.carriers === 'OTHERS');
  if (!row) throw new Error(`labelVoidWindow: unknown label source ${String(source)}`);
  return { days: row.days, beforeFirstScanOnly: true, source: row.text, effective: row.effective };
}

const DAY_MS = 86_400_000;

/** The last instant a label bought at `purchasedAt` may be voided; null when only the first scan bounds it. */
export function labelVoidableUntil(purchasedAt: Date, source: LabelSource, carrier: CarrierCode): Date | null {
  const { days } = labelVoidWindow(source, carrier);
  return days === null ? null : new Date(purchasedAt.getTime() + days * DAY_MS);
}

export interface LabelVoidCheck {
  allowed: boolean;
  /** Why not, in words; null when allowed. */
  reason: string | null;
}

/**
 * Whether a bought label may still be voided: not once the carrier has scanned the parcel, not past the window.
 * The provider has the last word; this only keeps the hub from asking when the answer is known.
 */
export function canVoidLabel(label: {
  source: LabelSource;
  carrier: CarrierCode;
  purchasedAt: Date;
  /** The carrier's first scan of the parcel, if any. */
  firstScanAt: Date | null;
  now: Date;
  /** The time zone dates are written in (the account's); UTC unless told. */
  timeZone?: string;
}): LabelVoidCheck {
  const carrier = CARRIER_LABELS[label.carrier] ?? label.carrier;
  if (label.firstScanAt && label.firstScanAt.getTime() <= label.now.getTime()) {
    return {
      allowed: false,
      reason: `${carrier} has already scanned this parcel, so its label can no longer be voided.`,
    };
  }
  const until = labelVoidableUntil(label.purchasedAt, label.source, label.carrier);
  if (until && label.now.getTime() > until.getTime()) {
    const days = labelVoidWindow(label.source, label.carrier).days;
    return {
      allowed: false,
      reason: `${carrier} labels can be voided for ${days} days after purchase; that ended ${dayInWords(until, label.timeZone ?? 'UTC', label.now)}.`,
    };
  }
  return { allowed: true, reason: null };
}
