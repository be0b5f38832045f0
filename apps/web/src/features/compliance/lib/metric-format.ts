// Pure wording for the compliance dashboard: rates, thresholds, statuses, windows and the projection sentence.
import type { MetricComparator, MetricOrderSet, MetricStatus } from '@/gql/graphql';
import { trackingProviderName } from '@/lib/carrier-format';
import { formatDateTime } from '@/lib/format';

const COMPARATOR_WORDS: Record<MetricComparator, string> = {
  AT_LEAST: 'at least',
  ABOVE: 'above',
  AT_MOST: 'at most',
  BELOW: 'below',
};

const STATUS_LABEL: Record<MetricStatus, string> = {
  OK: 'OK',
  AT_RISK: 'At risk',
  FAILING: 'Failing',
  NOT_APPLICABLE: 'Not applicable',
};

/** "at least", "below": how the standard reads in a sentence (the code stays in the API). */
export function comparatorWords(comparator: MetricComparator): string {
  return COMPARATOR_WORDS[comparator];
}

export function statusLabel(status: MetricStatus): string {
  return STATUS_LABEL[status];
}

/** 95 → "95%", 96.1538… → "96.15%": two decimals at most, as the channels' dashboards show them. */
export function formatPercent(value: number): string {
  return `${Number(value.toFixed(2))}%`;
}

/** "at least 95%"; null when the channel publishes no standard for the metric. */
export function formatThreshold(
  threshold: number | null | undefined,
  comparator: MetricComparator | null | undefined,
): string | null {
  if (threshold == null || comparator == null) return null;
  return `${comparatorWords(comparator)} ${formatPercent(threshold)}`;
}

/** Metrics measured from carrier delivery events, which the hub may not have. */
const CARRIER_DELIVERY_METRICS = new Set(['ON_TIME_DELIVERY_RATE', 'ADDRESS_MISMATCH_RATE']);

/**
 * The value as a card shows it. A null value means nothing was measured: "no data" where the metric needs
 * carrier delivery events the hub may not have, otherwise N/A with what was missing.
 */
export function formatMetricValue(key: string, value: number | null | undefined): string {
  if (value != null) return formatPercent(value);
  if (CARRIER_DELIVERY_METRICS.has(key)) return 'no data';
  return key === 'VALID_TRACKING_RATE' ? 'N/A — no eligible shipments' : 'N/A — no eligible orders';
}

/** "CANCELLED_BEFORE_SHIPPING" → "Cancelled before shipping"; acronyms the channels use stay upper case. */
export function reasonLabel(reason: string): string {
  const keep = new Set(['mcf', 'fba', 'wfs', 'sfp', 'usps', 'ups']);
  const words = reason
    .toLowerCase()
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((word) => (keep.has(word) ? word.toUpperCase() : word));
  return words.join(' ').replace(/^[a-z]/, (c) => c.toUpperCase());
}

function dayFormat(timeZone?: string) {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(timeZone && { timeZone }),
  });
}

/** "Thu 26 Nov". */
export function formatDay(iso: string, timeZone?: string): string {
  return dayFormat(timeZone).format(new Date(iso)).replace(',', '');
}

/** "30 days: Tue 25 Oct – Thu 24 Nov"; the end is exclusive, so the last day shown is the one before it. */
export function formatWindow(windowDays: number, windowStart: string, windowEnd: string, timeZone?: string): string {
  const lastInstant = new Date(new Date(windowEnd).getTime() - 1).toISOString();
  return `${windowDays} ${windowDays === 1 ? 'day' : 'days'}: ${formatDay(windowStart, timeZone)} – ${formatDay(lastInstant, timeZone)}`;
}

export interface ProjectionInput {
  openOrders: number;
  valueIfAllMiss: number;
  mustShipOnTime?: number | null;
  latestShipBy?: string | null;
  statusIfAllMiss: MetricStatus;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What the open orders decide: "Ship 4 of these 9 open orders on time by Thu 26 Nov to stay at least 95%.", or that
 * nothing they do changes the outcome. Null when no open order counts toward the metric.
 */
export function projectionSentence(
  projection: ProjectionInput | null | undefined,
  threshold: number | null | undefined,
  comparator: MetricComparator | null | undefined,
  timeZone?: string,
  key?: string,
): string | null {
  if (!projection || projection.openOrders === 0) return null;
  const open = projection.openOrders;
  const ifAllMiss = formatPercent(projection.valueIfAllMiss);
  const standard = formatThreshold(threshold, comparator);
  const allMiss = open === 1 ? 'the open order misses its ship-by' : `all ${open} open orders miss their ship-by`;
  if (standard === null) return `If ${allMiss}, the rate becomes ${ifAllMiss}.`;

  const must = projection.mustShipOnTime;
  // Tracking counts when the order ships with a valid number; every other projected metric is about the ship-by.
  const how = key === 'VALID_TRACKING_RATE' ? 'with valid tracking' : 'on time';
  if (must == null) {
    return `Even if ${open === 1 ? 'the open order ships' : `all ${open} open orders ship`} ${how}, the rate cannot meet the standard (${standard}).`;
  }
  if (must === 0) {
    return `Even if ${allMiss}, the rate stays ${standard} (${ifAllMiss}).`;
  }
  const by = projection.latestShipBy ? ` by ${formatDay(projection.latestShipBy, timeZone)}` : '';
  const which =
    must === open
      ? open === 1
        ? 'the open order'
        : `all ${open} open orders`
      : `${must} of these ${plural(open, 'open order', 'open orders')}`;
  return `Ship ${which} ${how}${by} to stay ${standard} (if all miss: ${ifAllMiss}).`;
}

/** One card per metric, and per category where a metric is split by product category. */
export function metricCardId(metric: { key: string; category?: string | null }): string {
  return metric.category ? `${metric.key}:${metric.category}` : metric.key;
}

export interface OrderSetChoice {
  set: MetricOrderSet;
  label: string;
  count: number;
}

/**
 * The order sets a metric can list, in words, the one counting against the standard first (the default view):
 * the orders against the standard, those meeting it, and the open orders its projection counts. Empty sets are
 * left out. Which of numerator and denominator counts against the standard is the API's `defects`.
 */
export function orderSetChoices(metric: {
  numerator: number;
  denominator: number;
  defects: MetricOrderSet;
  projection?: { openOrders: number } | null;
  awaitingFirstScan?: number;
}): OrderSetChoice[] {
  const label = (set: MetricOrderSet) =>
    metric.defects === set ? 'Orders against the standard' : 'Orders meeting the standard';
  const choices: OrderSetChoice[] = [
    { set: 'NUMERATOR', label: label('NUMERATOR'), count: metric.numerator },
    { set: 'DENOMINATOR_ONLY', label: label('DENOMINATOR_ONLY'), count: metric.denominator - metric.numerator },
    { set: 'OPEN', label: 'Open, not yet due', count: metric.projection?.openOrders ?? 0 },
    { set: 'AWAITING_FIRST_SCAN', label: 'Shipped, awaiting first scan', count: metric.awaitingFirstScan ?? 0 },
  ];
  return choices
    .filter((c) => c.count > 0)
    .sort((a, b) => Number(b.set === metric.defects) - Number(a.set === metric.defects));
}

/** The orders button: the count of the set it opens on, "(3 against the standard)" or "(12)". */
export function ordersButtonLabel(metric: Parameters<typeof orderSetChoices>[0]): string {
  const first = orderSetChoices(metric)[0];
  if (!first) return '(0)';
  return first.set === metric.defects ? `against the standard (${first.count})` : `(${first.count})`;
}

export interface MetricCarrierDataInput {
  usesCarrierData: boolean;
  asOf?: string | null;
  note: string;
}

/**
 * Whether a figure reads carrier scans and as of when: "Carrier scans as of Dec 3, 12:00", "Not based on carrier
 * scans", or the server's note when there is no carrier data ("No carrier data: format check only").
 */
export function carrierDataLine(carrierData: MetricCarrierDataInput, timeZone?: string): string {
  if (!carrierData.usesCarrierData) return 'Not based on carrier scans';
  if (carrierData.asOf) return `Carrier scans as of ${formatDateTime(carrierData.asOf, timeZone)}`;
  return carrierData.note;
}

/** "3 shipments awaiting their first carrier scan (not in the rate until they scan or their window ends)". */
export function awaitingFirstScanLine(count: number): string | null {
  if (count <= 0) return null;
  return count === 1
    ? '1 shipment awaiting its first carrier scan (not in the rate until it scans or its window ends)'
    : `${count} shipments awaiting their first carrier scan (not in the rate until they scan or their window ends)`;
}

/** Valid tracking: how many of the window's shipments had their label bought in the hub (null on other metrics). */
export function boughtLabelsLine(count: number | null | undefined): string | null {
  if (count == null || count <= 0) return null;
  const shipments = count === 1 ? '1 shipment' : `${count} shipments`;
  return `${shipments} with a label bought in the hub: carrier, service and number right by construction, still judged by carrier scans`;
}

export interface CarrierDataStatusInput {
  provider?: string | null;
  enabled: boolean;
  asOf?: string | null;
  lastError?: string | null;
  note: string;
}

export interface ReportCarrierData {
  /** "Carrier data as of Dec 3, 12:00 (EasyPost)", or the server's "No carrier data: format check only". */
  text: string;
  /** The provider's last error, shown with the line when the data is stale because of it. */
  error: string | null;
  tone: 'ok' | 'none' | 'error';
}

/** The report's carrier data status, for the line under its "As of". */
export function reportCarrierData(status: CarrierDataStatusInput, timeZone?: string): ReportCarrierData {
  const error = status.lastError?.trim() || null;
  if (!status.enabled || !status.provider) {
    return { text: status.note || 'No carrier data: format check only', error: null, tone: 'none' };
  }
  const provider = trackingProviderName(status.provider);
  const text = status.asOf
    ? `Carrier data as of ${formatDateTime(status.asOf, timeZone)} (${provider})`
    : `No carrier data yet from ${provider}`;
  return { text, error, tone: error ? 'error' : status.asOf ? 'ok' : 'none' };
}
