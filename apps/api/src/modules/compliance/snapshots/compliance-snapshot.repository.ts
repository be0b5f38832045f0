import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel, ComplianceMetricKey, MetricStatus } from '@order-hub/types';
import type { DataSource, EntityManager } from 'typeorm';
import type { ReportedMetric } from 'src/modules/compliance/compliance.service';

const ALL_ACCOUNTS = `COALESCE(account_id, '00000000-0000-0000-0000-000000000000'::uuid)`;

export interface SnapshotRow {
  day: string;
  value: number | null;
  numerator: number;
  denominator: number;
  threshold: number | null;
  status: MetricStatus;
  policy_version: string;
  as_of: Date;
}

/** The compliance_snapshot table: one row per channel (or account), UTC day, metric and category. */
@Injectable()
export class ComplianceSnapshotRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private db(em?: EntityManager) {
    return em ?? this.ds.manager;
  }

  /** Each day from `fromDay` that has snapshots (YYYY-MM-DD), with when its first one was computed. */
  firstComputedByDay(
    channel: Channel,
    accountId: string | null,
    fromDay: string,
    em?: EntityManager,
  ): Promise<{ day: string; computed_at: Date }[]> {
    return this.db(em).query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, min(computed_at) AS computed_at FROM compliance_snapshot
        WHERE channel = $1 AND account_id IS NOT DISTINCT FROM $2::uuid AND day >= $3::date GROUP BY day`,
      [channel, accountId, fromDay],
    );
  }

  /** Writes the day's snapshot of every metric of a report as of `asOf`, replacing what the day had. */
  async upsertDay(
    channel: Channel,
    accountId: string | null,
    day: string,
    metrics: readonly ReportedMetric[],
    asOf: Date,
    em?: EntityManager,
  ): Promise<void> {
    const m = metrics;
    await this.db(em).query(
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
        asOf,
      ],
    );
  }

  /** One metric's snapshots (of a category, or the whole account) from `firstDay` to `lastDay`, oldest first. */
  findMetricDays(
    metric: { channel: Channel; accountId: string | null; key: ComplianceMetricKey; category: string | null },
    firstDay: string,
    lastDay: string,
    em?: EntityManager,
  ): Promise<SnapshotRow[]> {
    return this.db(em).query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, value, numerator, denominator, threshold, status, policy_version, as_of FROM compliance_snapshot
          WHERE channel = $1 AND ${ALL_ACCOUNTS} = COALESCE($2::uuid, '00000000-0000-0000-0000-000000000000'::uuid) AND metric = $3
            AND COALESCE(category, '') = COALESCE($4::text, '') AND day BETWEEN $5::date AND $6::date
          ORDER BY day`,
      [metric.channel, metric.accountId, metric.key, metric.category, firstDay, lastDay],
    );
  }
}
