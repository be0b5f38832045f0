import { Injectable } from '@nestjs/common';
import type { Channel, ComplianceMetricKey, MetricStatus } from '@order-hub/types';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { ComplianceService } from 'src/modules/compliance/compliance.service';
import { ComplianceSnapshotRepository } from './compliance-snapshot.repository';

const DAY_MS = 86_400_000;
/** Days kept filled in: a missing one among them is computed as of its end. */
export const BACKFILL_DAYS = 30;

export interface ComplianceSnapshot {
  day: string;
  value: number | null;
  numerator: number;
  denominator: number;
  threshold: number | null;
  status: MetricStatus;
  policyVersion: string;
  asOf: Date;
}

export interface TrendRequest {
  channel: Channel;
  accountId: string | null;
  key: ComplianceMetricKey;
  category: string | null;
  /** The (exclusive) end of the report the trend belongs to: the trend ends with the UTC day of the instant before it. */
  until: Date;
  days: number;
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export const utcDay = (d: Date) => d.toISOString().slice(0, 10);
const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Daily snapshots of the compliance report per channel and per account (UTC days), each the report as of the
 * day's end (today: as of now), for the trend of every metric.
 */
@Injectable()
export class ComplianceSnapshotService {
  constructor(
    private readonly snapshots: ComplianceSnapshotRepository,
    private readonly compliance: ComplianceService,
    private readonly accounts: ChannelAccountRepository,
    private readonly orders: OrderRepository,
  ) {}

  /**
   * Rewrites today's and yesterday's snapshots (late data still moves them), fills in any missing day of the last
   * BACKFILL_DAYS, and rewrites older days that orders imported since (a newly connected account's history)
   * change; for the channel as a whole and each of its accounts. Returns how many days were written.
   */
  async refresh(channel: Channel, now: Date): Promise<number> {
    const accounts = await this.accounts.idsOfChannel(channel, { enabledOnly: true });
    const today = utcDay(now);
    const days = Array.from({ length: BACKFILL_DAYS }, (_, i) =>
      utcDay(new Date(dayStart(today).getTime() - i * DAY_MS)),
    );
    let written = 0;
    for (const accountId of [null, ...accounts]) {
      const stale = await this.staleDays(channel, accountId, days);
      for (const day of days) {
        if (stale.has(day)) {
          await this.capture(channel, accountId, day, now);
          written += 1;
        }
      }
    }
    return written;
  }

  /** Today, yesterday, days without a snapshot, and days whose snapshot predates the import of an order placed before the day ended. */
  private async staleDays(channel: Channel, accountId: string | null, days: string[]): Promise<Set<string>> {
    const present = await this.snapshots.firstComputedByDay(channel, accountId, days.at(-1)!);
    const computed = new Map(present.map((p) => [p.day, new Date(p.computed_at).getTime()]));
    const stale = new Set(days.filter((day, i) => i < 2 || !computed.has(day)));
    if (computed.size === 0) return stale;
    const imported = await this.orders.importedAfter(channel, accountId, new Date(Math.min(...computed.values())));
    if (imported.since && imported.latest) {
      const since = new Date(imported.since).getTime();
      const latest = new Date(imported.latest).getTime();
      for (const [day, at] of computed) if (at < latest && dayStart(day).getTime() + DAY_MS > since) stale.add(day);
    }
    return stale;
  }

  /** The report as of the end of `day` (or `now`, if sooner), one row per metric and category. */
  async capture(channel: Channel, accountId: string | null, day: string, now: Date): Promise<void> {
    const end = new Date(Math.min(dayStart(day).getTime() + DAY_MS, now.getTime()));
    const report = await this.compliance.report({ channel, accountId, asOf: end });
    await this.snapshots.upsertDay(channel, accountId, day, report.metrics, end);
  }

  /** The snapshots of one metric over the `days` days up to `until`, oldest first; days never captured are absent. */
  async trend(request: TrendRequest): Promise<ComplianceSnapshot[]> {
    const last = utcDay(new Date(request.until.getTime() - 1));
    const first = utcDay(new Date(dayStart(last).getTime() - (request.days - 1) * DAY_MS));
    const rows = await this.snapshots.findMetricDays(request, first, last);
    return rows.map((r) => ({
      day: r.day,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      threshold: r.threshold,
      status: r.status,
      policyVersion: r.policy_version,
      asOf: new Date(r.as_of),
    }));
  }
}
