import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel, ComplianceMetricKey, MetricStatus } from '@order-hub/types';
import type { DataSource } from 'typeorm';
import { ChannelAccountRepository } from '../../channels/channel-account.repository';
import { OrderRepository } from '../../orders/order.repository';
import { ComplianceService } from '../compliance.service';

const DAY_MS = 86_400_000;
/** Days kept filled in: a missing one among them is computed as of its end. */
export const BACKFILL_DAYS = 30;
const ALL_ACCOUNTS = `COALESCE(account_id, '00000000-0000-0000-0000-000000000000'::uuid)`;

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
    @InjectDataSource() private readonly ds: DataSource,
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
    const present: { day: string; computed_at: Date }[] = await this.ds.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, min(computed_at) AS computed_at FROM compliance_snapshot
        WHERE channel = $1 AND account_id IS NOT DISTINCT FROM $2::uuid AND day >= $3::date GROUP BY day`,
      [channel, accountId, days.at(-1)],
    );
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
    const m = report.metrics;
    await this.ds.query(
      `INSERT INTO compliance_snapshot (channel, account_id, day, metric, category, value, numerator, denominator, threshold, status, policy_version, as_of)
       SELECT $1, $2::uuid, $3::date, u.*, $12::timestamptz FROM unnest($4::varchar[], $5::varchar[], $6::float8[], $7::int[], $8::int[], $9::float8[], $10::varchar[], $11::varchar[]) u
       ON CONFLICT (channel, (${ALL_ACCOUNTS}), metric, (COALESCE(category, '')), day)
       DO UPDATE SET value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, threshold = EXCLUDED.threshold,
                     status = EXCLUDED.status, policy_version = EXCLUDED.policy_version, as_of = EXCLUDED.as_of, computed_at = now()`,
      [
        channel,
        accountId,
        day,
        m.map((x) => x.key),
        m.map((x) => x.category ?? null),
        m.map((x) => x.value),
        m.map((x) => x.numerator),
        m.map((x) => x.denominator),
        m.map((x) => x.threshold),
        m.map((x) => x.status),
        m.map((x) => x.policyVersion),
        end,
      ],
    );
  }

  /** The snapshots of one metric over the `days` days up to `until`, oldest first; days never captured are absent. */
  async trend(request: TrendRequest): Promise<ComplianceSnapshot[]> {
    const last = utcDay(new Date(request.until.getTime() - 1));
    const first = utcDay(new Date(dayStart(last).getTime() - (request.days - 1) * DAY_MS));
    const rows: {
      day: string;
      value: number | null;
      numerator: number;
      denominator: number;
      threshold: number | null;
      status: MetricStatus;
      policy_version: string;
      as_of: Date;
    }[] = await this.ds.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, value, numerator, denominator, threshold, status, policy_version, as_of FROM compliance_snapshot
          WHERE channel = $1 AND ${ALL_ACCOUNTS} = COALESCE($2::uuid, '00000000-0000-0000-0000-000000000000'::uuid) AND metric = $3
            AND COALESCE(category, '') = COALESCE($4::text, '') AND day BETWEEN $5::date AND $6::date
          ORDER BY day`,
      [request.channel, request.accountId, request.key, request.category, first, last],
    );
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
