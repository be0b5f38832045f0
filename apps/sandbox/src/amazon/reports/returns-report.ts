import type { AccountData, AmazonOrder, AmazonReturn } from '../../state/types';
import { invalidInput } from '../errors';
import { hasAtoZClaim } from './account-health';
import { iso } from '../validate';
import { formatCents, refundedByReturn, returnValueCents } from '../returns/returns';

export const RETURNS_REPORT_TYPE = 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE';

const DAY = 24 * 3600 * 1000;
/**
 * Amazon's report type values page (Returns reports) says the returns reports cover at most 60 days between
 * dataStartTime and dataEndTime; a longer range is refused at createReport. dataStartTime after dataEndTime, or in
 * the future, is refused as well. Both default to now when absent (the Reports API's documented default).
 */
export const MAX_RANGE_DAYS = 60;

/** The header row, in order, as Amazon's "Returns reports attributes" page lists the columns. */
export const RETURNS_REPORT_HEADER = [
  'Order ID',
  'Order date',
  'Return request date',
  'Return request status',
  'Amazon RMA ID',
  'Merchant RMA ID',
  'Label type',
  'Label cost',
  'Currency code',
  'Return carrier',
  'Tracking ID',
  'Label to be paid by',
  'A-to-Z Claim',
  'Is prime',
  'ASIN',
  'Merchant SKU',
  'Item Name',
  'Return quantity',
  'Return Reason',
  'In policy',
  'Return type',
  'Resolution',
  'Invoice number',
  'Return delivery date',
  'Order Amount',
  'Order quantity',
  'SafeT Action reason',
  'SafeT claim id',
  'SafeT claim state',
  'SafeT claim creation time',
  'SafeT claim reimbursement amount',
  'Refunded Amount',
] as const;

type Column = (typeof RETURNS_REPORT_HEADER)[number];

export interface ReturnsRange {
  start: number;
  end: number;
}

/** Reads and checks the createReport range for the returns report; the error names the field. */
export function returnsRange(dataStartTime: number | undefined, dataEndTime: number | undefined, now: number) {
  const start = dataStartTime ?? now;
  const end = dataEndTime ?? now;
  if (start > now) throw invalidInput('dataStartTime must not be in the future');
  if (end < start) throw invalidInput('dataEndTime must not be before dataStartTime');
  if (end - start > MAX_RANGE_DAYS * DAY)
    throw invalidInput(
      `The date range between dataStartTime and dataEndTime must not exceed ${MAX_RANGE_DAYS} days for ${RETURNS_REPORT_TYPE}`,
    );
  return { start, end };
}

/** A cell never carries the separators of the flat file. */
function cell(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ');
}

/**
 * "Return request status": Amazon authorizes the return with its prepaid label when the buyer requests it
 * (Authorized) and closes the request once the buyer's refund covers the returned units (Closed).
 */
function requestStatus(order: AmazonOrder, ret: AmazonReturn, refundedCents: number): string {
  return refundedCents > 0 && refundedCents >= returnValueCents(order, ret) ? 'Closed' : 'Authorized';
}

function row(order: AmazonOrder, ret: AmazonReturn, refundedCents: number, now: number): string {
  const item = order.items.find((i) => i.orderItemId === ret.orderItemId);
  const values: Record<Column, string> = {
    'Order ID': order.orderId,
    'Order date': iso(order.createdTime),
    'Return request date': iso(ret.requestedAt),
    'Return request status': requestStatus(order, ret, refundedCents),
    'Amazon RMA ID': ret.rma,
    'Merchant RMA ID': '',
    'Label type': 'AmazonPrePaidLabel',
    'Label cost': formatCents(ret.labelCostCents),
    'Currency code': 'USD',
    'Return carrier': ret.carrier,
    'Tracking ID': ret.trackingId,
    'Label to be paid by': ret.labelPaidBy,
    'A-to-Z Claim': hasAtoZClaim(order) ? 'Y' : 'N',
    'Is prime': order.programs.includes('PRIME') ? 'Y' : 'N',
    ASIN: item?.asin ?? '',
    'Merchant SKU': item?.sellerSku ?? '',
    'Item Name': item?.title ?? '',
    'Return quantity': String(ret.quantity),
    'Return Reason': ret.reason,
    'In policy': ret.inPolicy ? 'Y' : 'N',
    'Return type': 'C-Returns',
    Resolution: 'StandardRefund',
    'Invoice number': '',
    'Return delivery date': ret.receivedAt !== undefined && ret.receivedAt <= now ? iso(ret.receivedAt) : '',
    'Order Amount': item ? formatCents(Math.round(Number(item.unitPrice) * 100) * item.quantity) : '',
    'Order quantity': item ? String(item.quantity) : '',
    'SafeT Action reason': '',
    'SafeT claim id': '',
    'SafeT claim state': '',
    'SafeT claim creation time': '',
    'SafeT claim reimbursement amount': '',
    'Refunded Amount': refundedCents > 0 ? formatCents(refundedCents) : '',
  };
  return RETURNS_REPORT_HEADER.map((c) => cell(values[c])).join('\t');
}

/** Rows of the seller-fulfilled returns whose request date is in the range, oldest request first; null when none. */
export function returnsReportTsv(data: AccountData, range: ReturnsRange, now: number): string | null {
  const rows: { at: number; line: string }[] = [];
  for (const order of data.amazonOrders.values()) {
    if (!order.returns?.length || order.fulfilledBy !== 'MERCHANT') continue;
    const refunded = refundedByReturn(order, now);
    for (const ret of order.returns) {
      if (ret.requestedAt < range.start || ret.requestedAt > range.end || ret.requestedAt > now) continue;
      rows.push({ at: ret.requestedAt, line: row(order, ret, refunded.get(ret.rma) ?? 0, now) });
    }
  }
  if (rows.length === 0) return null;
  rows.sort((a, b) => a.at - b.at);
  return `${RETURNS_REPORT_HEADER.join('\t')}\n${rows.map((r) => r.line).join('\n')}\n`;
}
