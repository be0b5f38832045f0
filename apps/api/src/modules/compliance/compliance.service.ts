import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
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
import type { Channel, ComplianceMetric, ComplianceMetricKey, MetricProjection } from '@order-hub/types';
import { In, type DataSource } from 'typeorm';
import { OrderEntity } from '../orders/order.entity';
import { orderRateFacts, timelinessFacts, validTrackingFacts, type FactsQuery, type FactsScope } from './compliance-facts.sql';
import { TrackingCheckService } from './tracking-check.service';

/** A metric as the report serves it: the orders behind the numerator are paged separately. */
export type ReportedMetric = Omit<ComplianceMetric, 'orderIds' | 'projection'> & { projection: Omit<MetricProjection, 'openOrderIds'> | null };

export interface NumeratorRequest {
  channel: Channel;
  accountId?: string | null;
  asOf: Date;
  key: ComplianceMetricKey;
}

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
  facts: (scope: FactsScope, policy: ChannelPolicy) => FactsQuery;
  /** Definitions with the same facts over nested windows read them in one pass. */
  shareKey?: string;
  /** Deadline metrics carry a projection; true when late orders are the numerator. */
  projection?: { lateIsNumerator: boolean };
}

const VTR: MetricDefinition = { key: 'VALID_TRACKING_RATE', label: () => 'Valid tracking rate', metric: 'VALID_TRACKING_RATE', facts: validTrackingFacts };
const lsr = (days: 10 | 30): MetricDefinition => ({
  key: days === 10 ? 'LATE_SHIPMENT_RATE_10D' : 'LATE_SHIPMENT_RATE_30D',
  label: () => `Late shipment rate (${days} days)`,
  metric: 'LATE_SHIPMENT_RATE',
  days,
  facts: (scope) => timelinessFacts(scope, true),
  shareKey: 'late-shipment',
  projection: { lateIsNumerator: true },
});

/** The metrics of each channel, in report order (the same as packages/rules computeComplianceMetrics). */
const DEFINITIONS: Record<Channel, MetricDefinition[]> = {
  AMAZON: [
    VTR,
    lsr(10),
    lsr(30),
    { key: 'PRE_FULFILLMENT_CANCEL_RATE', label: () => 'Pre-fulfillment cancel rate', metric: 'PRE_FULFILLMENT_CANCEL_RATE', facts: (s, p) => orderRateFacts(s, 'SELLER_CANCELLATION', p) },
  ],
  WALMART: [
    VTR,
    { key: 'CANCELLATION_RATE', label: () => 'Cancellation rate', metric: 'CANCELLATION_RATE', facts: (s, p) => orderRateFacts(s, 'SELLER_CANCELLATION', p) },
    { key: 'REFUND_RATE', label: () => 'Refund rate', metric: 'REFUND_RATE', facts: (s, p) => orderRateFacts(s, 'SELLER_FAULT_REFUND', p) },
    { key: 'ON_TIME_SHIPMENT_RATE', label: () => 'On-time shipment rate', metric: null, days: 30, facts: (s) => timelinessFacts(s, false), projection: { lateIsNumerator: false } },
    {
      key: 'ACKNOWLEDGEMENT_RATE',
      label: (p) => `Acknowledged within ${p.acknowledgeWithinHours ?? 0} hours`,
      metric: null,
      days: 30,
      facts: (s, p) => orderRateFacts(s, 'ACKNOWLEDGED_IN_TIME', p),
    },
  ],
};

interface FactCount {
  kind: string;
  n: number;
  latest_ship_by: Date | null;
}

interface DepthCount extends FactCount {
  /** How many of the group's window starts (widest first) the record is inside. */
  depth: number;
}

/** Compliance metrics computed in SQL from the hub's own orders and shipments, as of an instant. */
@Injectable()
export class ComplianceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly trackingChecks: TrackingCheckService,
  ) {}

  async report(request: ComplianceReportRequest): Promise<{ asOf: Date; policyVersion: string; metrics: ReportedMetric[] }> {
    const asOf = request.asOf ?? new Date();
    const accountId = request.accountId ?? null;
    const policy = policyFor(request.channel, 'US', asOf);
    const margin = request.atRiskMargin ?? DEFAULT_AT_RISK_MARGIN;
    const metrics: ReportedMetric[] = [];
    const defs = DEFINITIONS[request.channel].map((def) => ({ def, ...this.standard(def, policy) }));
    const facts = await this.countFacts(request.channel, accountId, asOf, policy, defs);
    for (const [i, { def, standard, days }] of defs.entries()) {
      const window = windowEndingAt(asOf, days);
      const rows = facts[i];
      const count = (kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
      const numerator = count('N');
      const denominator = numerator + count('D');
      const value = ratePercent(numerator, denominator);
      const open = rows.find((r) => r.kind === 'O');
      metrics.push({
        key: def.key,
        label: def.label(policy),
        value,
        numerator,
        denominator,
        exclusions: rows
          .filter((r) => r.kind.startsWith('X:'))
          .map((r) => ({ reason: r.kind.slice(2), count: r.n }))
          .sort((a, b) => a.reason.localeCompare(b.reason)),
        threshold: standard.percent,
        comparator: standard.comparator,
        status: metricStatus(value, standard, margin),
        windowDays: window.days,
        windowStart: window.start,
        windowEnd: window.end,
        policyVersion: policy.version,
        projection: def.projection
          ? projectTimeliness(
              {
                late: def.projection.lateIsNumerator ? numerator : count('D'),
                onTime: def.projection.lateIsNumerator ? count('D') : numerator,
                open: open?.n ?? 0,
                latestShipBy: open?.latest_ship_by ? new Date(open.latest_ship_by) : null,
              },
              def.projection.lateIsNumerator,
              standard,
              margin,
            )
          : null,
      });
    }
    return { asOf, policyVersion: policy.version, metrics };
  }

  /** One page of the ids of the orders behind a metric's numerator, by id; `after` is the last id of the previous page. */
  async numeratorOrderIds(request: NumeratorRequest & { first: number; after?: string | null }): Promise<string[]> {
    const facts = await this.numeratorFacts(request);
    if (!facts) return [];
    const n = facts.params.length;
    const rows: { order_id: string }[] = await this.ds.query(
      `SELECT DISTINCT order_id FROM (${facts.sql}) f WHERE kind = 'N' AND ($${n + 1}::uuid IS NULL OR order_id > $${n + 1}) ORDER BY order_id LIMIT $${n + 2}`,
      [...facts.params, request.after ?? null, request.first],
    );
    return rows.map((r) => r.order_id);
  }

  async numeratorOrders(request: NumeratorRequest & { first: number; after?: string | null }): Promise<OrderEntity[]> {
    const ids = await this.numeratorOrderIds(request);
    const found = new Map((await this.ds.getRepository(OrderEntity).findBy({ id: In(ids) })).map((o) => [o.id, o]));
    return ids.map((id) => found.get(id)).filter((o): o is OrderEntity => !!o);
  }

  async numeratorOrderCount(request: NumeratorRequest): Promise<number> {
    const facts = await this.numeratorFacts(request);
    if (!facts) return 0;
    const rows: { n: number }[] = await this.ds.query(`SELECT count(DISTINCT order_id)::int AS n FROM (${facts.sql}) f WHERE kind = 'N'`, facts.params);
    return rows[0].n;
  }

  private async numeratorFacts(request: NumeratorRequest): Promise<FactsQuery | null> {
    const policy = policyFor(request.channel, 'US', request.asOf);
    const def = DEFINITIONS[request.channel].find((d) => d.key === request.key);
    if (!def) return null;
    const window = windowEndingAt(request.asOf, this.standard(def, policy).days);
    const accountId = request.accountId ?? null;
    if (def.key === 'VALID_TRACKING_RATE') await this.trackingChecks.refresh(request.channel, accountId, window.start, window.end);
    return def.facts({ channel: request.channel, accountId, start: window.start, end: window.end }, policy);
  }

  /**
   * Fact counts per definition. Definitions sharing a `shareKey` (late shipment over 10 and 30 days) read one
   * pass over the widest window, each keeping the records inside its own start.
   */
  private async countFacts(channel: Channel, accountId: string | null, asOf: Date, policy: ChannelPolicy, defs: { def: MetricDefinition; days: number }[]): Promise<FactCount[][]> {
    const result: FactCount[][] = defs.map(() => []);
    const groups = new Map<string, number[]>();
    defs.forEach(({ def }, i) => groups.set(def.shareKey ?? def.key, [...(groups.get(def.shareKey ?? def.key) ?? []), i]));
    for (const members of groups.values()) {
      const starts = [...new Set(members.map((i) => windowEndingAt(asOf, defs[i].days).start.getTime()))].sort((a, b) => a - b);
      const scope: FactsScope = { channel, accountId, start: new Date(starts[0]), end: asOf };
      const first = defs[members[0]].def;
      if (first.key === 'VALID_TRACKING_RATE') await this.trackingChecks.refresh(channel, accountId, scope.start, scope.end);
      const { sql, params } = first.facts(scope, policy);
      const rows: DepthCount[] = await this.ds.query(
        `SELECT kind, depth, count(*)::int AS n, max(ship_by) AS latest_ship_by
           FROM (SELECT f.*, (SELECT count(*)::int FROM unnest($${params.length + 1}::timestamptz[]) b WHERE f.ship_by IS NULL OR f.ship_by >= b) AS depth FROM (${sql}) f) d
          WHERE kind IS NOT NULL GROUP BY kind, depth`,
        [...params, starts.map((t) => new Date(t))],
      );
      for (const i of members) {
        const need = starts.indexOf(windowEndingAt(asOf, defs[i].days).start.getTime()) + 1;
        const byKind = new Map<string, FactCount>();
        for (const r of rows.filter((row) => row.depth >= need)) {
          const seen = byKind.get(r.kind);
          const latest = [seen?.latest_ship_by, r.latest_ship_by].filter((d): d is Date => !!d).map((d) => new Date(d));
          byKind.set(r.kind, { kind: r.kind, n: (seen?.n ?? 0) + r.n, latest_ship_by: latest.length ? new Date(Math.max(...latest.map((d) => d.getTime()))) : null });
        }
        result[i] = [...byKind.values()];
      }
    }
    return result;
  }

  private standard(def: MetricDefinition, policy: ChannelPolicy): { standard: MetricStandard; days: number } {
    const row = def.metric ? policy.thresholds.find((t) => t.metric === def.metric) : undefined;
    const standard: MetricStandard = row ? { percent: row.percent, comparator: row.comparison } : { percent: null, comparator: null };
    return { standard, days: def.days ?? row?.windowDays ?? 30 };
  }
}
