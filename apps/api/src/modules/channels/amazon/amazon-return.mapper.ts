import type {
  NormalizedReturn,
  NormalizedReturnLine,
  RejectedReturn,
  RefundedBy,
  ReturnStatus,
} from '@order-hub/types';
import { ChannelError } from 'src/modules/channels/channel-error';
import { type FlatFileRow, headerKey, parseFlatFile } from './amazon-flat-file';

export const RETURNS_REPORT_TYPE = 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE';

/** Columns the hub cannot map a return without: a report lacking one is refused whole. */
export const REQUIRED_COLUMNS = [
  'Order ID',
  'Return request date',
  'Return request status',
  'Amazon RMA ID',
  'Merchant SKU',
  'Return quantity',
  'Return Reason',
  'Return delivery date',
  'Refunded Amount',
] as const;

/** A cell the hub cannot read: the column and the rule it breaks. */
class RowError extends Error {
  constructor(
    readonly column: string,
    readonly rule: string,
  ) {
    super(`${column}: ${rule}`);
  }
}

const cell = (row: FlatFileRow, column: string) => row.get(headerKey(column)) ?? '';

function date(row: FlatFileRow, column: string, required: boolean): Date | null {
  const v = cell(row, column);
  if (!v) {
    if (required) throw new RowError(column, 'is empty; a date is required');
    return null;
  }
  // A bare date (2026-03-04) is a UTC day; Amazon's date-times carry their offset.
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
  if (Number.isNaN(at.getTime())) throw new RowError(column, `"${v}" is not a date`);
  return at;
}

/** "19.99", "$1,019.99" → cents; empty → null. */
function cents(row: FlatFileRow, column: string): number | null {
  const v = cell(row, column).replace(/[$,\s]/g, '');
  if (!v) return null;
  if (!/^-?\d+(\.\d{1,2})?$/.test(v)) throw new RowError(column, `"${cell(row, column)}" is not an amount`);
  return Math.round(Number(v) * 100);
}

function count(row: FlatFileRow, column: string, required: boolean): number | null {
  const v = cell(row, column);
  if (!v) {
    if (required) throw new RowError(column, 'is empty; a whole number of units is required');
    return null;
  }
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new RowError(column, `"${v}" is not a whole number of units above 0`);
  return Number(v);
}

/** Amazon's words for a request that ended without the item coming back. */
const ENDED = /^(closed|rejected|denied|cancell?ed)$/i;
const AUTHORIZED = /^(approved|authori[sz]ed)$/i;

interface ReturnRow {
  orderId: string;
  rma: string;
  requestedAt: Date;
  line: NormalizedReturnLine;
  claim: boolean;
  carrier: string | null;
  trackingId: string | null;
  currency: string | null;
  resolution: string;
  raw: Record<string, string>;
}

/**
 * One report row → one return line. The report has no in-transit scan, no refund date and no order item id, so:
 * - status: a refund covering every unit → REFUNDED; else a Return delivery date → RECEIVED (the item is back: a
 *   refund is owed whatever the request status says); else Closed / Rejected / Cancelled → CLOSED; else Approved /
 *   Authorized with a tracking id → IN_TRANSIT (the buyer holds a prepaid label); else REQUESTED.
 * - units refunded: Refunded Amount ÷ unit price (Order Amount ÷ Order quantity), capped at the returned units; with
 *   no unit price, any refund counts for every unit (Amazon refunds a return request whole).
 * - refunded by: the channel when the buyer's A-to-z claim is on it (Amazon granted the claim at the seller's cost),
 *   else the seller.
 */
function readRow(row: FlatFileRow, headers: string[]): ReturnRow {
  const orderId = cell(row, 'Order ID');
  if (!orderId) throw new RowError('Order ID', 'is empty');
  const sku = cell(row, 'Merchant SKU') || cell(row, 'ASIN');
  if (!sku) throw new RowError('Merchant SKU', 'is empty and so is ASIN; the return line is named by it');
  const requestedAt = date(row, 'Return request date', true) as Date;
  const receivedAt = date(row, 'Return delivery date', false);
  const quantity = count(row, 'Return quantity', true) as number;
  const refundedCents = cents(row, 'Refunded Amount');
  const orderAmount = cents(row, 'Order Amount');
  const orderQuantity = count(row, 'Order quantity', false);
  const unitPriceCents = orderAmount !== null && orderQuantity ? Math.round(orderAmount / orderQuantity) : null;
  const claim = /^y(es)?$/i.test(cell(row, 'A-to-Z Claim'));
  const trackingId = cell(row, 'Tracking ID') || null;

  const refunded = refundedCents ?? 0;
  const quantityRefunded =
    refunded <= 0 ? 0 : unitPriceCents ? Math.min(quantity, Math.floor(refunded / unitPriceCents)) : quantity;
  const requestStatus = cell(row, 'Return request status');
  const status: ReturnStatus =
    quantityRefunded >= quantity
      ? 'REFUNDED'
      : receivedAt
        ? 'RECEIVED'
        : ENDED.test(requestStatus)
          ? 'CLOSED'
          : AUTHORIZED.test(requestStatus) && trackingId
            ? 'IN_TRANSIT'
            : 'REQUESTED';
  const refundedBy: RefundedBy | null = quantityRefunded > 0 ? (claim ? 'CHANNEL' : 'SELLER') : null;
  return {
    orderId,
    rma: cell(row, 'Amazon RMA ID'),
    requestedAt,
    claim,
    carrier: cell(row, 'Return carrier') || null,
    trackingId,
    currency: cell(row, 'Currency code') || null,
    resolution: cell(row, 'Resolution'),
    raw: Object.fromEntries(headers.map((h) => [h, cell(row, h)])),
    line: {
      returnLineNumber: sku,
      channelOrderId: orderId,
      lineNumber: null,
      sku,
      productName: cell(row, 'Item Name') || null,
      quantity,
      quantityRefunded,
      reasonCode: cell(row, 'Return Reason') || null,
      status,
      receivedAt,
      refundedAt: null,
      refundedBy,
      unitPriceCents,
      unitTaxCents: null,
      refundedCents,
    },
  };
}

/** The return's status from its lines: ended lines aside, the least advanced open line; all refunded → REFUNDED. */
function returnStatus(lines: NormalizedReturnLine[]): ReturnStatus {
  const live = lines.filter((l) => l.status !== 'CLOSED');
  if (!live.length) return 'CLOSED';
  if (live.every((l) => l.status === 'REFUNDED')) return 'REFUNDED';
  for (const s of ['RECEIVED', 'IN_TRANSIT'] as const) if (live.some((l) => l.status === s)) return s;
  return 'REQUESTED';
}

/** Two rows for one SKU in one return request add up (Amazon splits a request's units at times). */
function mergeLine(into: NormalizedReturnLine, more: NormalizedReturnLine): void {
  into.quantity += more.quantity;
  into.quantityRefunded += more.quantityRefunded;
  into.refundedCents =
    into.refundedCents === null && more.refundedCents === null
      ? null
      : (into.refundedCents ?? 0) + (more.refundedCents ?? 0);
  into.receivedAt = into.receivedAt ?? more.receivedAt;
  into.refundedBy = into.refundedBy ?? more.refundedBy;
  into.status = returnStatus([into, more]);
}

function toReturn(id: string, rows: ReturnRow[]): NormalizedReturn {
  const lines = new Map<string, NormalizedReturnLine>();
  for (const r of rows) {
    const seen = lines.get(r.line.returnLineNumber);
    if (seen) mergeLine(seen, r.line);
    else lines.set(r.line.returnLineNumber, { ...r.line });
  }
  const all = [...lines.values()];
  const times = rows.flatMap((r) => [r.requestedAt, r.line.receivedAt]).filter((d): d is Date => d !== null);
  const tracking = new Map<string, string | null>();
  for (const r of rows) if (r.trackingId && !tracking.has(r.trackingId)) tracking.set(r.trackingId, r.carrier);
  const resolution = rows[0].resolution;
  return {
    channel: 'AMAZON',
    channelReturnId: id,
    customerOrderId: rows[0].orderId,
    channelOrderId: rows[0].orderId,
    status: returnStatus(all),
    requestedAt: new Date(Math.min(...rows.map((r) => r.requestedAt.getTime()))),
    updatedAt: new Date(Math.max(...times.map((d) => d.getTime()))),
    returnType: /replace/i.test(resolution) ? 'REPLACEMENT' : /refund/i.test(resolution) ? 'REFUND' : null,
    tracking: [...tracking].map(([trackingNumber, carrier]) => ({ carrier, trackingNumber })),
    labelUrl: null,
    claim: rows.some((r) => r.claim),
    // The report names the currency per row; a blank one is the marketplace's (the hub's Amazon accounts are US).
    currency: rows.find((r) => r.currency)?.currency ?? 'USD',
    lines: all,
    raw: rows.map((r) => r.raw),
  };
}

/**
 * GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE (tab-separated, read by header name) → the hub's returns, one per
 * (Order ID, Amazon RMA ID); a request without an RMA id is keyed `<order id>:<return request date>`. A row the hub
 * cannot read sets its whole return aside (nothing of a return is half-read), naming the column and the rule. A
 * report missing a required column is refused whole. Pure.
 */
export function mapAmazonReturnsReport(text: string): { returns: NormalizedReturn[]; rejected: RejectedReturn[] } {
  const file = parseFlatFile(text);
  const present = new Set(file.headers.map(headerKey));
  const missing = REQUIRED_COLUMNS.filter((c) => !present.has(headerKey(c)));
  if (missing.length)
    throw new ChannelError(
      'AMAZON',
      'SERVER',
      `The returns report has no ${missing.map((c) => `"${c}"`).join(', ')} column${missing.length > 1 ? 's' : ''}; the hub reads returns by these columns`,
      { operation: 'downloadReportDocument', field: missing[0] },
    );
  const groups = new Map<string, { rows: ReturnRow[]; errors: string[]; raw: Record<string, string>[] }>();
  for (const { line, values } of file.rows) {
    const orderId = cell(values, 'Order ID');
    const rma = cell(values, 'Amazon RMA ID');
    const id = rma || `${orderId}:${cell(values, 'Return request date')}`;
    const group = groups.get(`${orderId}\t${id}`) ?? { rows: [], errors: [], raw: [] };
    groups.set(`${orderId}\t${id}`, group);
    group.raw.push(Object.fromEntries(file.headers.map((h) => [h, cell(values, h)])));
    try {
      group.rows.push(readRow(values, file.headers));
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      group.errors.push(`line ${line}: "${err.column}" ${err.rule}`);
    }
  }
  const returns: NormalizedReturn[] = [];
  const rejected: RejectedReturn[] = [];
  for (const [key, group] of groups) {
    const id = key.slice(key.indexOf('\t') + 1);
    if (group.errors.length)
      rejected.push({
        channelReturnId: id.startsWith(':') ? null : id,
        reason: `Amazon returns report ${group.errors.join('; ')}`,
        raw: group.raw,
      });
    else returns.push(toReturn(id, group.rows));
  }
  return { returns, rejected };
}
