import type { AccountHealthFigureStatus, AccountHealthSnapshot, OrderDefectRateFigures } from '@order-hub/types';

/** The parts of Amazon's account health document (accountHealthReport-2020-11-18) the hub reads. */
export interface AmazonAccountHealthDocument {
  accountStatuses?: { marketplaceId: string; status: string }[];
  performanceMetrics?: {
    marketplaceId: string;
    orderDefectRate?: { mfn?: AmazonOrderDefectRate; afn?: AmazonOrderDefectRate };
    accountHealthRating?: {
      ahrStatus?: string;
      accountHealthRatingStatus?: string;
      reportingDateRange?: AmazonDateRange;
    };
  }[];
}

interface AmazonDateRange {
  reportingDateFrom: string;
  reportingDateTo: string;
}

interface AmazonOrderDefectRate {
  reportingDateRange: AmazonDateRange;
  orderCount: number;
  orderWithDefects: { count: number };
  claims: { count: number };
  chargebacks: { count: number };
  negativeFeedback: { count: number };
  status: string;
  rate: number;
  targetValue: number;
  targetCondition: string;
}

/** Amazon writes "2020-11-04T23:59Z" (minutes, no seconds); the end of a range is the whole of its last minute. */
function rangeDate(value: string | undefined, end: boolean): Date | null {
  if (!value) return null;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return null;
  return new Date(end ? t + 59_999 : t);
}

/** Amazon's rates are fractions (0.009); the hub states every rate in percent, rounded as Amazon shows it. */
const percent = (fraction: number) => Math.round(fraction * 100 * 10_000) / 10_000;

const figureStatus = (s: string): AccountHealthFigureStatus => (s === 'GOOD' || s === 'BAD' ? s : 'NONE');

function orderDefectRate(odr: AmazonOrderDefectRate | undefined): OrderDefectRateFigures | null {
  if (!odr) return null;
  return {
    ratePercent: percent(odr.rate),
    targetPercent: percent(odr.targetValue),
    targetCondition: odr.targetCondition,
    status: figureStatus(odr.status),
    orderCount: odr.orderCount,
    ordersWithDefects: odr.orderWithDefects.count,
    claims: odr.claims.count,
    chargebacks: odr.chargebacks.count,
    negativeFeedback: odr.negativeFeedback.count,
    reportingFrom: rangeDate(odr.reportingDateRange.reportingDateFrom, false)!,
    reportingTo: rangeDate(odr.reportingDateRange.reportingDateTo, true)!,
  };
}

/**
 * One marketplace's account health from the document: the account status, the Account Health Rating status
 * (the schema requires `ahrStatus` and lists `accountHealthRatingStatus`: either is read) and the Order Defect
 * Rate of seller-fulfilled orders (the ones the hub ships).
 */
export function mapAccountHealthReport(
  reportId: string,
  marketplaceId: string,
  document: AmazonAccountHealthDocument,
): AccountHealthSnapshot {
  const metrics = document.performanceMetrics?.find((m) => m.marketplaceId === marketplaceId);
  const rating = metrics?.accountHealthRating;
  return {
    reportId,
    marketplaceId,
    accountStatus: document.accountStatuses?.find((s) => s.marketplaceId === marketplaceId)?.status ?? null,
    ratingStatus: rating?.ahrStatus ?? rating?.accountHealthRatingStatus ?? null,
    ratingFrom: rangeDate(rating?.reportingDateRange?.reportingDateFrom, false),
    ratingTo: rangeDate(rating?.reportingDateRange?.reportingDateTo, true),
    orderDefectRate: orderDefectRate(metrics?.orderDefectRate?.mfn),
  };
}
