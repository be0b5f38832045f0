import type { AccountData, AmazonOrder } from '../../state/types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Order defects the buyer or the card issuer raised (A-to-z claim, chargeback, negative feedback): set through the control API. */
export const ORDER_DEFECT_KINDS = ['claim', 'chargeback', 'negativeFeedback'] as const;
export type OrderDefectKind = (typeof ORDER_DEFECT_KINDS)[number];

const defectsByOrder = new WeakMap<AmazonOrder, Set<OrderDefectKind>>();

export function recordOrderDefect(order: AmazonOrder, kind: OrderDefectKind): void {
  const set = defectsByOrder.get(order) ?? new Set<OrderDefectKind>();
  set.add(kind);
  defectsByOrder.set(order, set);
}

/** Whether the buyer filed an A-to-z Guarantee claim on the order (the returns report's "A-to-Z Claim"). */
export function hasAtoZClaim(order: AmazonOrder): boolean {
  return defectsByOrder.get(order)?.has('claim') ?? false;
}

type Condition = 'LESS_THAN' | 'GREATER_THAN' | 'EQUALS';

/** Amazon writes the range in whole days, to the minute, in UTC: "2020-09-06T00:00Z" – "2020-11-04T23:59Z". */
function dateRange(now: number, days: number) {
  const end = new Date(now - DAY_MS).toISOString().slice(0, 10);
  const start = new Date(now - days * DAY_MS).toISOString().slice(0, 10);
  return {
    from: Date.parse(`${start}T00:00:00Z`),
    to: Date.parse(`${end}T23:59:59.999Z`),
    json: { reportingDateFrom: `${start}T00:00Z`, reportingDateTo: `${end}T23:59Z` },
  };
}

function judged(rate: number | null, targetValue: number, targetCondition: Condition) {
  const good =
    rate === null ||
    (targetCondition === 'LESS_THAN'
      ? rate < targetValue
      : targetCondition === 'GREATER_THAN'
        ? rate > targetValue
        : rate === targetValue);
  return { status: rate === null ? 'NONE' : good ? 'GOOD' : 'BAD', rate: rate ?? 0, targetValue, targetCondition };
}

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1e6) / 1e6);
const firstShipTime = (o: AmazonOrder) =>
  o.packages.length === 0 ? null : Math.min(...o.packages.map((p) => p.shipTime));
const sellerCancelled = (o: AmazonOrder) =>
  o.items.length > 0 && o.items.every((i) => i.quantityCancelled >= i.quantity && i.cancelledBy === 'SELLER');

/**
 * The seller performance document (GET_V2_SELLER_PERFORMANCE_REPORT) computed from the sandbox's own orders for
 * one marketplace, shaped as Amazon's account health schema: Order Defect Rate over 60 days for seller- and
 * Amazon-fulfilled orders, late shipment and valid tracking over 30, pre-fulfilment cancellation over 7, on-time
 * delivery over 30; targets as the schema's examples give them (ODR < 1%, LSR < 4%, cancel < 2.5%, VTR > 95%,
 * OTD > 90%). The rating is WARNED when any of these is BAD, else GREAT.
 */
export function accountHealthDocument(data: AccountData, marketplaceId: string, now: number) {
  const orders = [...data.amazonOrders.values()].filter((o) => o.marketplaceId === marketplaceId);
  const inRange = (t: number, r: { from: number; to: number }) => t >= r.from && t <= r.to;

  const odrRange = dateRange(now, 60);
  const odr = (fulfilledBy: AmazonOrder['fulfilledBy']) => {
    const counted = orders.filter((o) => o.fulfilledBy === fulfilledBy && inRange(o.createdTime, odrRange));
    const kinds = counted.map((o) => defectsByOrder.get(o) ?? new Set<OrderDefectKind>());
    const count = (kind: OrderDefectKind) => kinds.filter((k) => k.has(kind)).length;
    const withDefects = kinds.filter((k) => k.size > 0).length;
    const verdict = judged(ratio(withDefects, counted.length), 0.01, 'LESS_THAN');
    return {
      reportingDateRange: odrRange.json,
      orderCount: counted.length,
      orderWithDefects: { count: withDefects, status: verdict.status },
      claims: { count: count('claim'), status: 'NONE' },
      chargebacks: { count: count('chargeback'), status: 'NONE' },
      negativeFeedback: { count: count('negativeFeedback'), status: 'NONE' },
      fulfillmentType: fulfilledBy === 'MERCHANT' ? 'mfn' : 'afn',
      ...verdict,
    };
  };

  const mfn = orders.filter((o) => o.fulfilledBy === 'MERCHANT');
  const range30 = dateRange(now, 30);
  const shipped = mfn.filter((o) => firstShipTime(o) !== null && inRange(o.shipBy.latest, range30));
  const late = shipped.filter((o) => firstShipTime(o)! > o.shipBy.latest).length;
  const packages = mfn.flatMap((o) => o.packages).filter((p) => inRange(p.shipTime, range30));
  const scanned = packages.filter((p) => p.status !== 'SHIPPED');
  const delivered = scanned.filter((p) => p.status === 'DELIVERED');
  const range7 = dateRange(now, 7);
  const recent = mfn.filter((o) => inRange(o.createdTime, range7));
  const cancelled = recent.filter(sellerCancelled).length;

  const lsr = {
    reportingDateRange: range30.json,
    orderCount: shipped.length,
    lateShipmentCount: late,
    ...judged(ratio(late, shipped.length), 0.04, 'LESS_THAN'),
  };
  const vtr = {
    reportingDateRange: range30.json,
    shipmentCount: packages.length,
    validTrackingCount: scanned.length,
    ...judged(ratio(scanned.length, packages.length), 0.95, 'GREATER_THAN'),
  };
  const cancel = {
    reportingDateRange: range7.json,
    orderCount: recent.length,
    cancellationCount: cancelled,
    ...judged(ratio(cancelled, recent.length), 0.025, 'LESS_THAN'),
  };
  const otd = {
    reportingDateRange: range30.json,
    shipmentCountWithValidTracking: scanned.length,
    onTimeDeliveryCount: delivered.length,
    ...judged(ratio(delivered.length, scanned.length), 0.9, 'GREATER_THAN'),
  };
  const units = scanned.reduce((n, p) => n + p.items.reduce((m, i) => m + i.quantity, 0), 0);
  const unitsDelivered = delivered.reduce((n, p) => n + p.items.reduce((m, i) => m + i.quantity, 0), 0);
  const unitOtd = {
    reportingDateRange: range30.json,
    unitOnTimeDeliveryCount: unitsDelivered,
    totalUnitCount: units,
    ...judged(ratio(unitsDelivered, units), 0.9, 'GREATER_THAN'),
  };
  const orderDefectRate = { mfn: odr('MERCHANT'), afn: odr('AMAZON') };
  const range180 = dateRange(now, 180);
  const noViolations = {
    reportingDateRange: range180.json,
    defectsCount: 0,
    status: 'GOOD',
    targetValue: 0,
    targetCondition: 'EQUALS',
  };
  const bad = [lsr, vtr, cancel, orderDefectRate.mfn, orderDefectRate.afn].some((m) => m.status === 'BAD');
  return {
    accountStatuses: [{ marketplaceId, status: orderDefectRate.mfn.status === 'BAD' ? 'AT_RISK' : 'NORMAL' }],
    performanceMetrics: [
      {
        marketplaceId,
        // The hub's sellers invoice in the US, where Amazon does not measure invoices: no orders counted.
        invoiceDefectRate: {
          reportingDateRange: range7.json,
          orderCount: 0,
          invoiceDefect: { count: 0, status: 'NONE' },
          missingInvoice: { count: 0, status: 'NONE' },
          lateInvoice: { count: 0, status: 'NONE' },
          ...judged(null, 0.05, 'LESS_THAN'),
        },
        lateShipmentRate: lsr,
        orderDefectRate,
        onTimeDeliveryRate: otd,
        unitOnTimeDeliveryRate: unitOtd,
        validTrackingRate: vtr,
        preFulfillmentCancellationRate: cancel,
        warningStates: [],
        accountHealthRating: { ahrStatus: bad ? 'WARNED' : 'GREAT', reportingDateRange: range180.json },
        listingPolicyViolations: noViolations,
        productAuthenticityCustomerComplaints: noViolations,
        productConditionCustomerComplaints: noViolations,
        productSafetyCustomerComplaints: noViolations,
        receivedIntellectualPropertyComplaints: noViolations,
        restrictedProductPolicyViolations: noViolations,
        suspectedIntellectualPropertyViolations: noViolations,
        foodAndProductSafetyIssues: noViolations,
        otherPolicyViolations: noViolations,
        documentRequests: noViolations,
      },
    ],
  };
}
