import { checkTrackingNumber } from '@order-hub/rules';
import type { CarrierCode, ComplianceMetricKey, MetricComparator } from '@order-hub/types';
import type { HubControl } from './hub-controls';

/** Why an order counts against a metric; stable codes. */
export type PlanCause =
  | 'NO_TRACKING'
  | 'INVALID_FORMAT'
  | 'WRONG_CARRIER'
  | 'UNTRACKABLE'
  | 'NO_CARRIER_SCAN'
  | 'DELIVERED_ELSEWHERE'
  | 'LATE_SUPPLIER_TRACKING'
  | 'LATE_SHIPMENT'
  | 'LATE_DELIVERY'
  | 'LATE_ACKNOWLEDGEMENT'
  | 'CANCELLATION'
  | 'REFUND';

/** One order counted against the metric for one cause (an order may have several). */
export interface AffectedOrder {
  orderId: string;
  channelOrderId: string;
  cause: PlanCause;
  /** When it happened: shipped, cancelled, refunded, due. */
  at: Date;
  /** How late, for the late causes. */
  lateHours?: number;
  /** The reason code, for cancellations and refunds. */
  reason?: string;
  /** The shipment, for the tracking causes (an order may ship in several). */
  shipmentId?: string;
  /** Where the shipment's tracking came from (shipment-origin), for the tracking causes. */
  origin?: { key: string; label: string };
}

/** The invalid shipments of one source (a CSV file or supplier, a token, MCF, the channel's import), by kind of defect. */
export interface DraftSource {
  origin: string;
  shipments: number;
  invalidFormat: number;
  untrackable: number;
  neverScanned: number;
  deliveredElsewhere: number;
  channelOrderIds: string[];
}

/** A dropship supplier's tracking record over the plan's window (packages suppliers' scorecard figures). */
export interface DraftSupplier {
  name: string;
  /** "supplier Acme: 9 of 11 tracking numbers late, 2 never scanned" */
  line: string;
}

export interface PlanMetric {
  key: ComplianceMetricKey;
  label: string;
  category: string | null;
  value: number | null;
  threshold: number | null;
  comparator: MetricComparator | null;
  windowStart: Date;
  windowEnd: Date;
  policyVersion: string;
}

export interface DraftCause {
  cause: PlanCause;
  reason: string | null;
  orderCount: number;
  orderIds: string[];
  channelOrderIds: string[];
  firstAt: Date;
  lastAt: Date;
  /** Most hours late, for the late causes. */
  maxLateHours: number | null;
}

export interface PlanSections {
  rootCause: string;
  correctiveActions: string;
  preventiveMeasures: string;
}

export interface PlanDraft extends PlanSections {
  affectedOrders: number;
  causes: DraftCause[];
  /** The tracking defects grouped by where each shipment came from, most first. */
  sources: DraftSource[];
  /** The suppliers whose tracking came late or whose parcels were never scanned in the window. */
  suppliers: DraftSupplier[];
  controls: HubControl[];
}

/** Why a tracking number does not count as valid, or null when it does: the check is packages/rules checkTrackingNumber. */
export function trackingCause(
  shipment: { carrier: CarrierCode; trackingNumber: string | null },
  order: { channelOrderId: string; customerOrderId: string | null },
): 'NO_TRACKING' | 'INVALID_FORMAT' | 'WRONG_CARRIER' | null {
  if (!shipment.trackingNumber?.trim()) return 'NO_TRACKING';
  const check = checkTrackingNumber(shipment.trackingNumber, shipment.carrier, {
    orderNumbers: [order.channelOrderId, order.customerOrderId],
  });
  if (check.valid) return null;
  return check.matchingCarriers.some((c) => c !== shipment.carrier) ? 'WRONG_CARRIER' : 'INVALID_FORMAT';
}

const CAUSE_ORDER: readonly PlanCause[] = [
  'NO_TRACKING',
  'INVALID_FORMAT',
  'WRONG_CARRIER',
  'UNTRACKABLE',
  'NO_CARRIER_SCAN',
  'DELIVERED_ELSEWHERE',
  'LATE_SUPPLIER_TRACKING',
  'LATE_SHIPMENT',
  'LATE_DELIVERY',
  'LATE_ACKNOWLEDGEMENT',
  'CANCELLATION',
  'REFUND',
];

const CAUSE_LABELS: Record<PlanCause, (reason: string | null) => string> = {
  NO_TRACKING: () => 'Shipped without a tracking number',
  INVALID_FORMAT: () => "Tracking number fails the carrier's format or check digit",
  WRONG_CARRIER: () => 'Tracking number belongs to another carrier than the one confirmed',
  UNTRACKABLE: () => 'The tracking provider matched the number to no carrier (untrackable)',
  NO_CARRIER_SCAN: () => 'Well-formed number the carrier never scanned by the late-origin-scan deadline',
  DELIVERED_ELSEWHERE: () => "Delivered by the carrier to another address than the order's ship-to",
  LATE_SUPPLIER_TRACKING: () => 'Tracking added or changed after the ship-by date (late from the supplier)',
  LATE_SHIPMENT: () => 'Shipped after the ship-by date, or not shipped by the window end',
  LATE_DELIVERY: () => 'Delivered after the promised delivery date',
  LATE_ACKNOWLEDGEMENT: () => 'Acknowledged after the deadline, or not acknowledged',
  CANCELLATION: (r) => `Cancelled by the seller or the channel (reason ${r ?? 'not recorded'})`,
  REFUND: (r) => `Refunded for a seller-caused reason (${r ?? 'not recorded'})`,
};

const CORRECTIVE: Record<PlanCause, (n: number, ids: string) => string> = {
  NO_TRACKING: (n, ids) =>
    `Upload the carrier's tracking number for the ${n} shipment(s) confirmed without one where the channel still allows it (${ids}).`,
  INVALID_FORMAT: (n, ids) =>
    `Compare the ${n} tracking number(s) that fail the carrier's format or check digit with the carrier's label and correct them (${ids}).`,
  WRONG_CARRIER: (n, ids) =>
    `Correct the carrier confirmed on the ${n} shipment(s) whose tracking number belongs to another carrier (${ids}).`,
  UNTRACKABLE: (n, ids) =>
    `Compare the ${n} number(s) no carrier recognises with the carrier's label and correct them; a number made up or mistyped by a supplier counts as invalid tracking (${ids}).`,
  NO_CARRIER_SCAN: (n, ids) =>
    `Ask the carrier and whoever shipped them whether the ${n} parcel(s) never scanned were handed over, and correct any number that belongs to another parcel (${ids}).`,
  DELIVERED_ELSEWHERE: (n, ids) =>
    `Compare the labels of the ${n} parcel(s) delivered elsewhere with the orders' ship-to, and contact the customers and the carrier (${ids}).`,
  LATE_SUPPLIER_TRACKING: (n, ids) =>
    `Find out from the supplier or warehouse why tracking for ${n} order(s) arrived after the ship-by date (${ids}).`,
  LATE_SHIPMENT: (n, ids) =>
    `Go through the ${n} late order(s) with the warehouse: when each was picked, packed and handed to the carrier (${ids}).`,
  LATE_DELIVERY: (n, ids) =>
    `Compare the ship method and carrier service of the ${n} late delivery(ies) with the promised transit time (${ids}).`,
  LATE_ACKNOWLEDGEMENT: (n, ids) => `Find out why ${n} order(s) were not acknowledged in time (${ids}).`,
  CANCELLATION: (n, ids) =>
    `Check stock and listing data for the items of the ${n} order(s) cancelled for this reason (${ids}).`,
  REFUND: (n, ids) => `Check the items and shipments of the ${n} order(s) refunded for this reason (${ids}).`,
};

const COMPARATOR_WORDS: Record<MetricComparator, string> = {
  AT_LEAST: 'at least',
  ABOVE: 'above',
  AT_MOST: 'at most',
  BELOW: 'below',
};
const LISTED_IDS = 10;

const day = (d: Date) => d.toISOString().slice(0, 10);

export function formatHours(hours: number): string {
  const h = Math.ceil(hours);
  return h < 48 ? `${h} h` : `${Math.floor(h / 24)} d ${h % 24} h`;
}

function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, LISTED_IDS).join(', ');
  return ids.length > LISTED_IDS ? `${shown} and ${ids.length - LISTED_IDS} more` : shown;
}

/** Affected orders grouped by cause (and reason), each cause once per order, in a stable order. */
export function groupCauses(affected: readonly AffectedOrder[]): DraftCause[] {
  const groups = new Map<string, { cause: PlanCause; reason: string | null; byOrder: Map<string, AffectedOrder[]> }>();
  for (const a of affected) {
    const reason = a.cause === 'CANCELLATION' || a.cause === 'REFUND' ? (a.reason ?? null) : null;
    const key = `${a.cause}:${reason ?? ''}`;
    const group = groups.get(key) ?? { cause: a.cause, reason, byOrder: new Map<string, AffectedOrder[]>() };
    group.byOrder.set(a.orderId, [...(group.byOrder.get(a.orderId) ?? []), a]);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ cause, reason, byOrder }) => {
      const orders = [...byOrder.values()].sort((x, y) => x[0].channelOrderId.localeCompare(y[0].channelOrderId));
      const all = orders.flat();
      const times = all.map((a) => a.at.getTime());
      const late = all.map((a) => a.lateHours).filter((h): h is number => h !== undefined);
      return {
        cause,
        reason,
        orderCount: orders.length,
        orderIds: orders.map((o) => o[0].orderId),
        channelOrderIds: orders.map((o) => o[0].channelOrderId),
        firstAt: new Date(Math.min(...times)),
        lastAt: new Date(Math.max(...times)),
        maxLateHours: late.length ? Math.max(...late) : null,
      };
    })
    .sort(
      (a, b) =>
        CAUSE_ORDER.indexOf(a.cause) - CAUSE_ORDER.indexOf(b.cause) ||
        b.orderCount - a.orderCount ||
        (a.reason ?? '').localeCompare(b.reason ?? ''),
    );
}

type SourceCount = 'invalidFormat' | 'untrackable' | 'neverScanned' | 'deliveredElsewhere';
const SOURCE_COUNT: Partial<Record<PlanCause, SourceCount>> = {
  NO_TRACKING: 'invalidFormat',
  INVALID_FORMAT: 'invalidFormat',
  WRONG_CARRIER: 'invalidFormat',
  UNTRACKABLE: 'untrackable',
  NO_CARRIER_SCAN: 'neverScanned',
  DELIVERED_ELSEWHERE: 'deliveredElsewhere',
};
const SOURCE_WORDS: Record<SourceCount, string> = {
  neverScanned: 'never received a carrier scan',
  untrackable: 'had a number no carrier recognises (untrackable)',
  invalidFormat: "failed the carrier's format or had no number",
  deliveredElsewhere: 'were delivered to another address',
};

const SOURCE_LABELS: Record<SourceCount, string> = {
  neverScanned: 'never scanned',
  untrackable: 'untrackable',
  invalidFormat: 'invalid format',
  deliveredElsewhere: 'delivered elsewhere',
};

/** The shipments with a tracking defect, grouped by where each came from (one defect per shipment), most first. */
export function groupSources(affected: readonly AffectedOrder[]): DraftSource[] {
  const sources = new Map<string, DraftSource>();
  const counted = new Set<string>();
  for (const a of affected) {
    const count = SOURCE_COUNT[a.cause];
    if (!count || !a.origin) continue;
    const source = sources.get(a.origin.key) ?? {
      origin: a.origin.label,
      shipments: 0,
      invalidFormat: 0,
      untrackable: 0,
      neverScanned: 0,
      deliveredElsewhere: 0,
      channelOrderIds: [],
    };
    const shipment = a.shipmentId ?? a.orderId;
    if (!counted.has(shipment)) {
      counted.add(shipment);
      source.shipments += 1;
      source[count] += 1;
    }
    if (!source.channelOrderIds.includes(a.channelOrderId)) source.channelOrderIds.push(a.channelOrderId);
    sources.set(a.origin.key, source);
  }
  return [...sources.values()]
    .map((source) => ({
      ...source,
      channelOrderIds: source.channelOrderIds.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    }))
    .sort((a, b) => b.shipments - a.shipments || a.origin.localeCompare(b.origin));
}

/** "12 of 14 invalid shipments never received a carrier scan; all came from supplier Acme's CSV file acme.csv." */
function sourceFindings(sources: readonly DraftSource[], noun: string): string[] {
  const total = sources.reduce((n, s) => n + s.shipments, 0);
  if (total === 0) return [];
  const counts: SourceCount[] = ['neverScanned', 'untrackable', 'invalidFormat', 'deliveredElsewhere'];
  const findings = counts.flatMap((count) => {
    const from = sources.filter((s) => s[count] > 0);
    const n = from.reduce((sum, s) => sum + s[count], 0);
    if (n === 0) return [];
    const where =
      from.length === 1
        ? `${n === 1 ? 'it' : 'all'} came from ${from[0].origin}`
        : from.map((s) => `${s[count]} from ${s.origin}`).join(', ');
    return [`${n} of ${total} ${noun} ${SOURCE_WORDS[count]}; ${where}.`];
  });
  const bySource = sources.map((s) => {
    const parts = counts.filter((c) => s[c] > 0).map((c) => `${s[c]} ${SOURCE_LABELS[c]}`);
    return `- ${s.origin.charAt(0).toUpperCase()}${s.origin.slice(1)}: ${s.shipments} shipment(s) (${parts.join(', ')}): ${listIds(s.channelOrderIds)}.`;
  });
  return ['Where these shipments came from:', ...findings, ...bySource];
}

function causeLine(c: DraftCause): string {
  const dates = day(c.firstAt) === day(c.lastAt) ? `on ${day(c.firstAt)}` : `${day(c.firstAt)} to ${day(c.lastAt)}`;
  const late = c.maxLateHours !== null ? `, up to ${formatHours(c.maxLateHours)} late` : '';
  return `- ${CAUSE_LABELS[c.cause](c.reason)}: ${c.orderCount} order(s), ${dates}${late}: ${listIds(c.channelOrderIds)}.`;
}

/**
 * The three sections a marketplace asks for, drafted from the data only: the metric, the orders behind it grouped
 * by cause with counts, dates and order numbers, and the hub's controls. A cause with no orders is never named.
 */
export function draftPlanOfAction(
  metric: PlanMetric,
  affected: readonly AffectedOrder[],
  controls: readonly HubControl[],
  suppliers: readonly DraftSupplier[] = [],
): PlanDraft {
  const causes = groupCauses(affected);
  const sources = groupSources(affected);
  const affectedOrders = new Set(affected.map((a) => a.orderId)).size;
  const scope = `${metric.label}${metric.category ? ` (category ${metric.category})` : ''}`;
  const window = `${day(metric.windowStart)} to ${day(new Date(metric.windowEnd.getTime() - 1))}`;
  const value = metric.value === null ? 'not measurable (nothing counted)' : `${metric.value.toFixed(2)}%`;
  const standard =
    metric.threshold !== null && metric.comparator
      ? ` against the standard of ${COMPARATOR_WORDS[metric.comparator]} ${metric.threshold}% (policy ${metric.policyVersion})`
      : '';
  const head = `${scope} was ${value} for ${window}${standard}.`;

  const supplierLines = suppliers.length
    ? ['Dropship suppliers in this window:', ...suppliers.map((x) => `- ${x.line}.`)]
    : [];
  const rootCause =
    causes.length === 0
      ? [`${head} The hub's data shows no order counted against it in this window.`, ...supplierLines].join('\n')
      : [
          `${head} ${affectedOrders} order(s) counted against it:`,
          ...causes.map(causeLine),
          ...sourceFindings(sources, metric.key === 'VALID_TRACKING_RATE' ? 'invalid shipments' : 'shipments'),
          ...supplierLines,
        ].join('\n');
  const correctiveActions =
    causes.length === 0
      ? 'No order in the data needs correcting.'
      : causes.map((c) => `- ${CORRECTIVE[c.cause](c.orderCount, listIds(c.channelOrderIds))}`).join('\n');
  const preventiveMeasures =
    controls.length === 0
      ? 'No hub control covers this metric yet.'
      : ['Controls in place in the order hub:', ...controls.map((c) => `- ${c.description}`)].join('\n');
  return {
    affectedOrders,
    causes,
    sources,
    suppliers: [...suppliers],
    controls: [...controls],
    rootCause,
    correctiveActions,
    preventiveMeasures,
  };
}
