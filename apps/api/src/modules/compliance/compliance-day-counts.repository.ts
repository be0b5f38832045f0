import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AnchorRange, DepthCount, FactsQuery } from './compliance-facts.types';

const DRAIN_BATCH = 5_000;
/** pg_advisory_lock key serialising cache upkeep across api and worker processes. */
const UPKEEP_LOCK = 7_305_811_002;

/**
 * The stored hour counts (compliance_hour_count), the days changes touched (compliance_dirty_day, written by
 * triggers), and the aggregates over a facts query they are counted from.
 */
@Injectable()
export class ComplianceDayCountsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Counts a facts query per (kind, category, depth): depth is how many of `starts` (ascending) the record's anchor
   * is at or after (`width_bucket` over the sorted starts), so nested windows read one pass. `ranges` keeps the
   * records anchored in any of them (none: every record); PostgreSQL pushes the bounds into the facts query's scans.
   */
  async depthCounts(facts: FactsQuery, starts: Date[], ranges: AnchorRange[] = []): Promise<DepthCount[]> {
    const params = [...facts.params, starts];
    const bound = (op: string, at: Date | null) => (at ? `f.anchor_at ${op} $${params.push(at)}` : 'true');
    const inRanges = ranges.length
      ? ranges.map((r) => `(${bound('>=', r.from)} AND ${bound('<', r.before)})`).join(' OR ')
      : 'true';
    const rows: DepthCount[] = await this.ds.query(
      `SELECT kind, category, depth, count(*)::int AS n, max(ship_by) AS latest_ship_by
         FROM (SELECT f.kind, f.category, f.ship_by, width_bucket(f.anchor_at, $${facts.params.length + 1}::timestamptz[]) AS depth
                 FROM (${facts.sql}) f
                WHERE ${inRanges}) d
        WHERE kind IS NOT NULL GROUP BY kind, category, depth`,
      params,
    );
    return rows.map((r) => ({
      ...r,
      category: r.category ?? null,
      latest_ship_by: r.latest_ship_by ? new Date(r.latest_ship_by) : null,
    }));
  }

  /** The stored counts of `hours`, each inside as many of `starts` as are at or before it. */
  async storedCounts(
    key: { accounts: string[]; factKey: string; policyVersion: string },
    hours: Date[],
    starts: Date[],
  ): Promise<DepthCount[]> {
    const rows: DepthCount[] = await this.ds.query(
      `SELECT x.kind, x.category, width_bucket(c.hour, $5::timestamptz[]) AS depth, sum(x.n)::int AS n, max(x.latest_ship_by) AS latest_ship_by
         FROM compliance_hour_count c
        CROSS JOIN LATERAL jsonb_to_recordset(c.counts) AS x(kind text, category text, n int, latest_ship_by timestamptz)
        WHERE c.account_id = ANY($1::uuid[]) AND c.fact_key = $2 AND c.policy_version = $3 AND c.hour = ANY($4::timestamptz[])
        GROUP BY 1, 2, 3`,
      [key.accounts, key.factKey, key.policyVersion, hours, starts],
    );
    return rows.map((r) => ({ ...r, latest_ship_by: r.latest_ship_by ? new Date(r.latest_ship_by) : null }));
  }

  /** The hours in [from, before) the account has counts stored for. */
  async storedHours(
    key: { accountId: string; factKey: string; policyVersion: string },
    from: Date,
    before: Date,
  ): Promise<Date[]> {
    const rows: { hour: Date }[] = await this.ds.query(
      `SELECT hour FROM compliance_hour_count WHERE account_id = $1 AND fact_key = $2 AND policy_version = $3 AND hour >= $4 AND hour < $5`,
      [key.accountId, key.factKey, key.policyVersion, from, before],
    );
    return rows.map((r) => new Date(r.hour));
  }

  /** Counts the facts anchored in the run of hours [from, before) into one row per hour (an empty hour stores []). */
  async countHours(
    facts: FactsQuery,
    key: { accountId: string; factKey: string; policyVersion: string },
    run: { hours: Date[]; from: Date; before: Date },
  ): Promise<void> {
    const n = facts.params.length;
    await this.ds.query(
      `INSERT INTO compliance_hour_count (account_id, fact_key, policy_version, hour, counts)
       SELECT $${n + 1}, $${n + 2}, $${n + 3}, h.hour,
              COALESCE(jsonb_agg(jsonb_build_object('kind', g.kind, 'category', g.category, 'n', g.n, 'latest_ship_by', g.latest_ship_by)) FILTER (WHERE g.kind IS NOT NULL), '[]'::jsonb)
         FROM unnest($${n + 4}::timestamptz[]) h(hour)
         LEFT JOIN (SELECT date_bin('1 hour', f.anchor_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS hour, f.kind, f.category, count(*)::int AS n, max(f.ship_by) AS latest_ship_by
                      FROM (${facts.sql}) f
                     WHERE f.anchor_at >= $${n + 5} AND f.anchor_at < $${n + 6} AND f.kind IS NOT NULL
                     GROUP BY 1, 2, 3) g ON g.hour = h.hour
        GROUP BY h.hour
       ON CONFLICT (account_id, fact_key, policy_version, hour) DO UPDATE SET counts = EXCLUDED.counts, computed_at = now()`,
      [...facts.params, key.accountId, key.factKey, key.policyVersion, run.hours, run.from, run.before],
    );
  }

  /** Consumes compliance_dirty_day: each (account, UTC day) row drops that day's hours (day NULL: all the account's). */
  async drainDirtyDays(): Promise<void> {
    for (;;) {
      const rows: { n: number }[] = await this.ds.query(
        `WITH batch AS (DELETE FROM compliance_dirty_day WHERE id IN (SELECT id FROM compliance_dirty_day ORDER BY id LIMIT ${DRAIN_BATCH}) RETURNING account_id, day),
              dropped AS (DELETE FROM compliance_hour_count c USING batch b WHERE c.account_id = b.account_id
                            AND (b.day IS NULL OR (c.hour >= b.day::timestamp AT TIME ZONE 'UTC' AND c.hour < (b.day + 1)::timestamp AT TIME ZONE 'UTC')) RETURNING 1)
         SELECT (SELECT count(*) FROM batch)::int AS n, (SELECT count(*) FROM dropped)::int AS dropped`,
      );
      if (rows[0].n < DRAIN_BATCH) return;
    }
  }

  /**
   * Runs `fn` holding the upkeep lock across processes on a PostgreSQL server (PGlite serves one process and one
   * connection, which the lock's session would hold: there `fn` just runs).
   */
  async withUpkeepLock(fn: () => Promise<void>): Promise<void> {
    const poolSize = (this.ds.options as { poolSize?: number }).poolSize ?? 1;
    if (poolSize < 2) return fn();
    const runner = this.ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [UPKEEP_LOCK]);
      try {
        await fn();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [UPKEEP_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }
}
