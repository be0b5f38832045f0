import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  channelProfile,
  DEFAULT_AT_RISK_MARGIN,
  metricStatus,
  policyFor,
  projectTimeliness,
  ratePercent,
  windowEndingAt,
  type ChannelPolicy,
  type MetricStandard,
  type PerformanceMetric,
} from '@order-hub/rules';
import type {
  Channel,
  ComplianceMetric,
  ComplianceMetricKey,
  MetricOrderSet,
  MetricProjection,
} from '@order-hub/types';
import type { DataSource } from 'typeorm';
import type { OrderEntity } from 'src/modules/orders/order.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { assertPolicyInForce } from 'src/common/validation/policy-date';
import { CarrierDataService, type CarrierDataStatus } from './carrier-data.service';
import { ComplianceDayCountsService, type FactsGroup } from './compliance-day-counts.service';
import { keepDepth, resolveAwaitingKinds } from './compliance-fact-counts';
import {
  addressMismatchFacts,
  factOrderCountQuery,
  factOrderIdsQuery,
  onTimeDeliveryFacts,
  orderRateFacts,
  timelinessFacts,
  validTrackingFacts,
  type CarrierScanScope,
} from './compliance-facts.sql';
import type { FactCount, FactsQuery, FactsScope } from './compliance-facts.types';
import { TrackingCheckService } from './tracking-check.service';

/**
 * An order is "not yet due" for acknowledgement until its deadline (acknowledge_by, or the policy's hours after it
 * was placed): the stored counts read an hour of orders live until every deadline in it has passed.
 */
const ACKNOWLEDGEMENT_SETTLES_HOURS = 24;

/** A metric as the report serves it: the orders behind the numerator are paged separately. */
export type ReportedMetric = Omit<ComplianceMetric, 'orderIds' | 'projection'> & {
  projection: Omit<MetricProjection, 'openOrderIds'> | null;
};

export interface MetricOrdersRequest {
  channel: Channel;
  accountId?: string | null;
  asOf: Date;
  key: ComplianceMetricKey;
  /** The product category of a per-category metric; null or absent for the whole account. */
  category?: string | null;
  /** Default NUMERATOR. */
  set?: MetricOrderSet;
}

const SET_KINDS: Record<MetricOrderSet, string[]> = {
  NUMERATOR: ['N'],
  DENOMINATOR_ONLY: ['D', 'U'],
  OPEN: ['O'],
  AWAITING_FIRST_SCAN: ['A'],
};

export interface ComplianceReportRequest {
  channel: Channel;
  accountId?: string | null;
  asOf?: Date | null;
  atRiskMargin?: number;
}

interface MetricDefinition {
  key: ComplianceMetricKey;
  label: (policy: ChannelPolicy) => string;
  /** The policy row holding its threshold; null where the channel publishes none. */
  metric: PerformanceMetric | null;
  /** Fixed window, or the policy's (fallback 30). */
  days?: number;
  facts: (scope: FactsScope, policy: ChannelPolicy, carrier: CarrierScanScope) => FactsQuery;
  /** The figure rests on carrier scans (valid tracking, delivery, the delivery address). */
  usesCarrierData?: boolean;
  /** Definitions with the same facts over nested windows read them in one pass. */
  shareKey?: string;
  /** Deadline metrics carry a projection; true when late orders are the numerator. */
  projection?: { lateIsNumerator: boolean };
  /** A rate held low (late, cancelled, refunded): its numerator counts against the seller. */
  lowIsGood?: boolean;
}

/** Where the policy measures it per category (Amazon), the overall rate is followed by one per category with shipments. */
const VTR: MetricDefinition = {
  key: 'VALID_TRACKING_RATE',
  label: () => 'Valid tracking rate',
  metric: 'VALID_TRACKING_RATE',
  facts: validTrackingFacts,
  usesCarrierData: true,
  projection: { lateIsNumerator: false },
};
const OTD: MetricDefinition = {
  key: 'ON_TIME_DELIVERY_RATE',
  label: () => 'On-time delivery rate',
  metric: 'ON_TIME_DELIVERY_RATE',
  facts: (s) => onTimeDeliveryFacts(s),
  usesCarrierData: true,
};
const lsr = (days: 10 | 30): MetricDefinition => ({
  key: days === 10 ? 'LATE_SHIPMENT_RATE_10D' : 'LATE_SHIPMENT_RATE_30D',
  label: () => `Late shipment rate (${days} days)`,
  metric: 'LATE_SHIPMENT_RATE',
  days,
  facts: (scope) => timelinessFacts(scope, true),
  shareKey: 'late-shipment',
  projection: { lateIsNumerator: true },
  lowIsGood: true,
});

/** How each metric is measured; which metrics a channel reports, and in what order, is its profile's `complianceMetrics`. */
const DEFINITIONS: Record<ComplianceMetricKey, MetricDefinition> = {
  VALID_TRACKING_RATE: VTR,
  LATE_SHIPMENT_RATE_10D: lsr(10),
  LATE_SHIPMENT_RATE_30D: lsr(30),
  PRE_FULFILLMENT_CANCEL_RATE: {
    key: 'PRE_FULFILLMENT_CANCEL_RATE',
    label: () => 'Pre-fulfillment cancel rate',
    metric: 'PRE_FULFILLMENT_CANCEL_RATE',
    facts: (s, p) => orderRateFacts(s, 'SELLER_CANCELLATION', p),
    lowIsGood: true,
  },
  ON_TIME_DELIVERY_RATE: OTD,
  // Walmart's Address Mismatch alert, as a rate over the tracked deliveries: no published threshold.
  ADDRESS_MISMATCH_RATE: {
    key: 'ADDRESS_MISMATCH_RATE',
    label: () => 'Address mismatch rate (no published standard)',
    metric: null,
    days: 30,
    facts: (s) => addressMismatchFacts(s),
    usesCarrierData: true,
    lowIsGood: true,
  },
  CANCELLATION_RATE: {
    key: 'CANCELLATION_RATE',
    label: () => 'Cancellation rate',
    metric: 'CANCELLATION_RATE',
    facts: (s, p) => orderRateFacts(s, 'SELLER_CANCELLATION', p),
    lowIsGood: true,
  },
  REFUND_RATE: {
    key: 'REFUND_RATE',
    label: () => 'Refund rate',
    metric: 'REFUND_RATE',
    facts: (s, p) => orderRateFacts(s, 'SELLER_FAULT_REFUND', p),
    lowIsGood: true,
  },
  // No current published standard for on-time shipment or the acknowledgement rate: no threshold, N/A status.
  ON_TIME_SHIPMENT_RATE: {
    key: 'ON_TIME_SHIPMENT_RATE',
    label: () => 'On-time shipment rate (no published standard)',
    metric: null,
    days: 30,
    facts: (s) => timelinessFacts(s, false),
    projection: { lateIsNumerator: false },
  },
  ACKNOWLEDGEMENT_RATE: {
    key: 'ACKNOWLEDGEMENT_RATE',
    label: (p) =>
      `Acknowledged within ${p.acknowledgeWithinHours ?? 0} hours (no published rate standard; acknowledgements at an unknown time left out)`,
    metric: null,
    days: 30,
    facts: (s, p) => orderRateFacts(s, 'ACKNOWLEDGED_IN_TIME', p),
  },
};

/** The metrics of a channel, in report order (the same as packages/rules computeComplianceMetrics). */
function definitionsOf(channel: Channel): MetricDefinition[] {
  return channelProfile(channel).complianceMetrics.map((key) => DEFINITIONS[key]);
}

/** Which of a metric's order sets counts against its standard: the numerator of a rate held low, else the rest of the denominator. */
export function defectSet(channel: Channel, key: ComplianceMetricKey): MetricOrderSet {
  return definitionsOf(channel).find((d) => d.key === key)?.lowIsGood ? 'NUMERATOR' : 'DENOMINATOR_ONLY';
}

/** Compliance metrics computed in SQL from the hub's own orders and shipments, as of an instant. */
@Injectable()
export class ComplianceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly trackingChecks: TrackingCheckService,
    private readonly dayCounts: ComplianceDayCountsService,
    private readonly orders: OrderRepository,
    private readonly carrierData: CarrierDataService,
  ) {}

  async report(request: ComplianceReportRequest): Promise<{
    asOf: Date;
    policyVersion: string;
    metrics: ReportedMetric[];
    carrierData: CarrierDataStatus;
  }> {
    const asOf = request.asOf ?? new Date();
    const accountId = request.accountId ?? null;
    assertPolicyInForce(request.channel, asOf, 'asOf');
    const policy = policyFor(request.channel, 'US', asOf);
    const margin = request.atRiskMargin ?? DEFAULT_AT_RISK_MARGIN;
    const metrics: ReportedMetric[] = [];
    const defs = definitionsOf(request.channel).map((def) => ({ def, ...this.standard(def, policy) }));
    const widest = Math.max(...defs.map((d) => d.days));
    const carrier = await this.carrierData.status({
      channel: request.channel,
      accountId,
      from: windowEndingAt(asOf, widest).start,
      to: asOf,
    });
    const facts = await this.countFacts(request.channel, accountId, asOf, policy, defs, {
      providerOn: carrier.enabled,
    });
    for (const [i, { def, standard, days, perCategory }] of defs.entries()) {
      const measured = (category: string | null) =>
        this.measure(
          def,
          { standard, days, policy, margin, asOf, carrier },
          facts[i].filter((r) => r.category === category),
          category,
        );
      metrics.push(measured(null));
      if (!perCategory) continue;
      // A category is reported when it has shipments in the window; open orders alone do not make one appear.
      const categories = new Set(facts[i].filter((r) => r.category !== null && r.kind !== 'O').map((r) => r.category!));
      for (const category of [...categories].sort()) metrics.push(measured(category));
    }
    return { asOf, policyVersion: policy.version, metrics, carrierData: carrier };
  }

  /** One metric from its fact counts (of one category, or of the whole account). */
  private measure(
    def: MetricDefinition,
    ctx: {
      standard: MetricStandard;
      days: number;
      policy: ChannelPolicy;
      margin: number;
      asOf: Date;
      carrier: CarrierDataStatus;
    },
    rows: FactCount[],
    category: string | null,
  ): ReportedMetric {
    const { standard, policy, margin } = ctx;
    const window = windowEndingAt(ctx.asOf, ctx.days);
    const count = (kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
    const numerator = count('N');
    const awaitingFirstScan = count('A');
    const denominator = numerator + count('D') + count('U');
    // Every shipment with a well-formed number is one whose scans the hub cannot hear of: no verdict, no rate.
    const noCarrierData = count('X:NO_CARRIER_DATA') > 0 && numerator + count('U') + awaitingFirstScan === 0;
    const value = noCarrierData ? null : ratePercent(numerator, denominator);
    // What the metric measured on carrier data (as the rules say for each): else it says it has none.
    const measured =
      def.key === 'VALID_TRACKING_RATE'
        ? !noCarrierData
        : denominator + (def.key === 'ADDRESS_MISMATCH_RATE' ? count('X:LOCATION_UNKNOWN') : 0) > 0;
    const open = rows.find((r) => r.kind === 'O');
    return {
      key: def.key,
      label: noCarrierData ? `${def.label(policy)} (no carrier data)` : def.label(policy),
      category,
      value,
      awaitingFirstScan,
      carrierData: this.carrierData.forMetric(!!def.usesCarrierData, ctx.carrier, {
        measured,
        formatCheck: def.key === 'VALID_TRACKING_RATE',
      }),
      numerator,
      denominator,
      exclusions: rows
        .filter((r) => r.kind.startsWith('X:'))
        .map((r) => ({ reason: r.kind.slice(2), count: r.n }))
        .sort((a, b) => a.reason.localeCompare(b.reason)),
      threshold: standard.percent,
      comparator: standard.comparator,
      status: noCarrierData ? 'NOT_APPLICABLE' : metricStatus(value, standard, margin),
      windowDays: window.days,
      windowStart: window.start,
      windowEnd: window.end,
      policyVersion: policy.version,
      projection:
        def.projection && !noCarrierData
          ? projectTimeliness(
              {
                late: def.projection.lateIsNumerator ? numerator : denominator - numerator,
                onTime: def.projection.lateIsNumerator ? denominator - numerator : numerator,
                // Shipments awaiting their first scan must scan in time, as open orders must ship with valid tracking.
                open: (open?.n ?? 0) + awaitingFirstScan,
                latestShipBy: open?.latest_ship_by ? new Date(open.latest_ship_by) : null,
              },
              def.projection.lateIsNumerator,
              standard,
              margin,
            )
          : null,
    };
  }

  /** One page of the ids of a metric's orders of one set, by id; `after` is the last id of the previous page. */
  async metricOrderIds(request: MetricOrdersRequest & { first: number; after?: string | null }): Promise<string[]> {
    const facts = await this.metricFacts(request);
    if (!facts) return [];
    const page = factOrderIdsQuery(facts, {
      kinds: SET_KINDS[request.set ?? 'NUMERATOR'],
      category: request.category ?? null,
      after: request.after ?? null,
      first: request.first,
    });
    const rows: { order_id: string }[] = await this.ds.query(page.sql, page.params);
    return rows.map((r) => r.order_id);
  }

  async metricOrders(request: MetricOrdersRequest & { first: number; after?: string | null }): Promise<OrderEntity[]> {
    const ids = await this.metricOrderIds(request);
    const found = new Map((await this.orders.findByIds(ids)).map((o) => [o.id, o]));
    return ids.map((id) => found.get(id)).filter((o): o is OrderEntity => !!o);
  }

  async metricOrderCount(request: MetricOrdersRequest): Promise<number> {
    const facts = await this.metricFacts(request);
    if (!facts) return 0;
    const count = factOrderCountQuery(facts, {
      kinds: SET_KINDS[request.set ?? 'NUMERATOR'],
      category: request.category ?? null,
    });
    const rows: { n: number }[] = await this.ds.query(count.sql, count.params);
    return rows[0].n;
  }

  private async metricFacts(request: MetricOrdersRequest): Promise<FactsQuery | null> {
    assertPolicyInForce(request.channel, request.asOf, 'asOf');
    const policy = policyFor(request.channel, 'US', request.asOf);
    const def = definitionsOf(request.channel).find((d) => d.key === request.key);
    if (!def) return null;
    const window = windowEndingAt(request.asOf, this.standard(def, policy).days);
    const accountId = request.accountId ?? null;
    if (def.key === 'VALID_TRACKING_RATE')
      await this.trackingChecks.refresh(request.channel, accountId, window.start, window.end);
    const carrier = await this.carrierData.status({
      channel: request.channel,
      accountId,
      from: window.start,
      to: window.end,
    });
    return def.facts({ channel: request.channel, accountId, start: window.start, end: window.end }, policy, {
      providerOn: carrier.enabled,
    });
  }

  /**
   * Fact counts per definition and (kind, category). Definitions sharing a `shareKey` (late shipment over 10 and
   * 30 days) read one pass over the widest window, each keeping the records whose anchor is inside its own start;
   * a report as of now reads its closed days from the daily counts (ComplianceDayCountsService).
   */
  private async countFacts(
    channel: Channel,
    accountId: string | null,
    asOf: Date,
    policy: ChannelPolicy,
    defs: { def: MetricDefinition; days: number }[],
    carrier: CarrierScanScope,
  ): Promise<FactCount[][]> {
    const groups = new Map<string, number[]>();
    defs.forEach(({ def }, i) =>
      groups.set(def.shareKey ?? def.key, [...(groups.get(def.shareKey ?? def.key) ?? []), i]),
    );
    const startOf = (i: number) => windowEndingAt(asOf, defs[i].days).start.getTime();
    const factsGroups: FactsGroup[] = [...groups.entries()].map(([key, members]) => {
      const first = defs[members[0]].def;
      const checksTracking = first.key === 'VALID_TRACKING_RATE';
      return {
        // Whether trackers count as followed changes valid tracking's facts with no row changing: its own counts.
        // Its shipments awaiting a first scan are counted by deadline, so none of its hours waits to settle.
        key: checksTracking ? `${key}:deadlines:provider-${carrier.providerOn ? 'on' : 'off'}` : key,
        facts: (scope: FactsScope) => first.facts(scope, policy, { ...carrier, deadlineKinds: true }),
        checksTracking,
        settleHours: first.key === 'ACKNOWLEDGEMENT_RATE' ? ACKNOWLEDGEMENT_SETTLES_HOURS : 0,
        starts: [...new Set(members.map(startOf))].sort((a, b) => a - b).map((t) => new Date(t)),
      };
    });
    const counted = await this.dayCounts.count(
      { channel, accountId, asOf, policyVersion: policy.version },
      factsGroups,
    );
    const result: FactCount[][] = defs.map(() => []);
    [...groups.values()].forEach((members, g) => {
      for (const i of members)
        result[i] = keepDepth(
          resolveAwaitingKinds(counted[g], asOf),
          factsGroups[g].starts.findIndex((s) => s.getTime() === startOf(i)) + 1,
        );
    });
    return result;
  }

  private standard(
    def: MetricDefinition,
    policy: ChannelPolicy,
  ): { standard: MetricStandard; days: number; perCategory: boolean } {
    const row = def.metric ? policy.thresholds.find((t) => t.metric === def.metric) : undefined;
    const standard: MetricStandard = row
      ? { percent: row.percent, comparator: row.comparison }
      : { percent: null, comparator: null };
    return { standard, days: def.days ?? row?.windowDays ?? 30, perCategory: row?.perCategory ?? false };
  }
}
