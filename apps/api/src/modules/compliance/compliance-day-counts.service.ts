import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel } from '@order-hub/types';
import type { DataSource } from 'typeorm';
import { ChannelAccountRepository } from '../channels/channel-account.repository';
import { HOUR_MS, hourRuns, planCounts, type CountPlan, type HourRun } from './compliance-count-plan';
import { depthCounts } from './compliance-fact-counts';
import type { DepthCount, FactsQuery, FactsScope } from './compliance-facts.types';
import { TrackingCheckService } from './tracking-check.service';

/** A report "as of now" may name an instant this close to the clock. */
const NOW_TOLERANCE_MS = 60_000;
const DRAIN_BATCH = 5_000;
/** pg_advisory_lock key serialising cache upkeep across api and worker processes. */
const UPKEEP_LOCK = 7_305_811_002;

/** Definitions reading the same facts (nested windows) form one group, counted once. */
export interface FactsGroup {
  /** Cache key of the facts: the definitions' shareKey, or the metric key. */
  key: string;
  facts: (scope: FactsScope) => FactsQuery;
  /** Valid tracking reads compliance_tracking_check, written for the shipments first. */
  checksTracking: boolean;
  /** Hours after its anchor a record may still change class with no row changing (read live until then). */
  settleHours: number;
  /** Window starts of the group's definitions, ascending. */
  starts: Date[];
}

export interface CountRequest {
  channel: Channel;
  accountId: string | null;
  asOf: Date;
  policyVersion: string;
}

/**
 * Counts compliance facts per (kind, category, depth), the same as one aggregate over the raw facts query, from
 * pre-aggregated counts where it can: a report as of now sums the stored counts of the settled hours wholly inside
 * its window (compliance_hour_count, per account, facts group and policy version) and reads the partial first
 * hour, the current one and those not settled yet with the facts query (compliance-count-plan.ts). The hours of
 * every day a change touched (compliance_dirty_day, written by triggers) are dropped first, and hours never
 * counted are counted, before the stored counts are read.
 */
@Injectable()
export class ComplianceDayCountsService {
  /** Off: every report reads the raw facts (an escape hatch, and how tests compare the two paths). */
  enabled = true;
  private upkeep: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly trackingChecks: TrackingCheckService,
    private readonly channelAccounts: ChannelAccountRepository,
  ) {}

  async count(request: CountRequest, groups: FactsGroup[]): Promise<DepthCount[][]> {
    const useCache = this.enabled && Math.abs(request.asOf.getTime() - Date.now()) <= NOW_TOLERANCE_MS;
    const plans = groups.map((g) => planCounts(g.starts, request.asOf, useCache, g.settleHours));
    const cachedGroups = groups
      .map((g, i) => ({ group: g, plan: plans[i] }))
      .filter(({ plan }) => plan.cachedHours.length > 0);
    const stored: DepthCount[][] = groups.map(() => []);
    const fromStore = async () => {
      if (!cachedGroups.length) return;
      const accounts = await this.accounts(request);
      // Read under the same lock: another upkeep may drop hours it drains until it has counted them again.
      await this.exclusive(async () => {
        await this.bringUpToDate(request, accounts, cachedGroups);
        for (const [i, group] of groups.entries())
          if (plans[i].cachedHours.length) stored[i] = await this.stored(request, accounts, group, plans[i]);
      });
    };
    // The live reads touch no stored hour: on a PostgreSQL server they run beside the upkeep, on other connections.
    const [live] = await Promise.all([
      Promise.all(groups.map((group, i) => this.live(request, group, plans[i]))),
      fromStore(),
    ]);
    return groups.map((_, i) => [...stored[i], ...live[i]]);
  }

  /** The plan's live ranges in one facts query (scoped from the first range), their tracking numbers checked first. */
  private async live(request: CountRequest, group: FactsGroup, plan: CountPlan): Promise<DepthCount[]> {
    const { channel, accountId, asOf } = request;
    if (group.checksTracking) {
      for (const range of plan.live) {
        const before = range.before && range.before < asOf ? range.before : asOf;
        if (range.from < before) await this.trackingChecks.refresh(channel, accountId, range.from, before);
      }
    }
    const ranges = plan.cachedHours.length ? plan.live : [];
    return depthCounts(
      this.ds,
      group.facts({ channel, accountId, start: plan.live[0].from, end: asOf }),
      group.starts,
      ranges,
    );
  }

  /** The stored counts of the plan's hours, each inside as many window starts as are at or before it. */
  private async stored(
    request: CountRequest,
    accounts: string[],
    group: FactsGroup,
    plan: CountPlan,
  ): Promise<DepthCount[]> {
    const rows: DepthCount[] = await this.ds.query(
      `SELECT x.kind, x.category, width_bucket(c.hour, $5::timestamptz[]) AS depth, sum(x.n)::int AS n, max(x.latest_ship_by) AS latest_ship_by
         FROM compliance_hour_count c
        CROSS JOIN LATERAL jsonb_to_recordset(c.counts) AS x(kind text, category text, n int, latest_ship_by timestamptz)
        WHERE c.account_id = ANY($1::uuid[]) AND c.fact_key = $2 AND c.policy_version = $3 AND c.hour = ANY($4::timestamptz[])
        GROUP BY 1, 2, 3`,
      [accounts, group.key, request.policyVersion, plan.cachedHours, group.starts],
    );
    return rows.map((r) => ({ ...r, latest_ship_by: r.latest_ship_by ? new Date(r.latest_ship_by) : null }));
  }

  private accounts(request: CountRequest): Promise<string[]> {
    return this.channelAccounts.idsOfChannel(request.channel, { accountId: request.accountId });
  }

  /**
   * Drops the hours of the days changes touched, then counts every hour the plans need that is not stored. Valid
   * tracking checks the missing hours' shipments first; a verdict that changed marks its days dirty again, so
   * those are drained before counting.
   */
  private async bringUpToDate(
    request: CountRequest,
    accounts: string[],
    groups: { group: FactsGroup; plan: CountPlan }[],
  ): Promise<void> {
    for (let round = 0; ; round++) {
      await this.drainDirtyDays();
      const work: { group: FactsGroup; accountId: string; runs: HourRun[] }[] = [];
      for (const { group, plan } of groups) {
        for (const accountId of accounts) {
          const runs = hourRuns(await this.missingHours({ ...request, accountId }, group, plan));
          if (runs.length) work.push({ group, accountId, runs });
        }
      }
      let rechecked = 0;
      for (const { group, accountId, runs } of work) {
        if (group.checksTracking)
          for (const run of runs)
            rechecked += await this.trackingChecks.refresh(request.channel, accountId, run.from, run.before);
      }
      if (rechecked > 0 && round < 2) continue;
      for (const { group, accountId, runs } of work)
        for (const run of runs) await this.countHours({ ...request, accountId }, group, run);
      return;
    }
  }

  private async missingHours(
    request: CountRequest & { accountId: string },
    group: FactsGroup,
    plan: CountPlan,
  ): Promise<number[]> {
    const have: { hour: Date }[] = await this.ds.query(
      `SELECT hour FROM compliance_hour_count WHERE account_id = $1 AND fact_key = $2 AND policy_version = $3 AND hour >= $4 AND hour < $5`,
      [request.accountId, group.key, request.policyVersion, plan.cacheFrom, plan.cacheBefore],
    );
    const stored = new Set(have.map((r) => new Date(r.hour).getTime()));
    const missing: number[] = [];
    for (let t = plan.cacheFrom!.getTime(); t < plan.cacheBefore!.getTime(); t += HOUR_MS)
      if (!stored.has(t)) missing.push(t);
    return missing;
  }

  /** Counts a run of consecutive closed hours of one account into compliance_hour_count (an empty hour stores []). */
  private async countHours(
    request: CountRequest & { accountId: string },
    group: FactsGroup,
    run: HourRun,
  ): Promise<void> {
    const facts = group.facts({
      channel: request.channel,
      accountId: request.accountId,
      start: run.from,
      end: request.asOf,
    });
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
      [...facts.params, request.accountId, group.key, request.policyVersion, run.hours, run.from, run.before],
    );
  }

  /** Consumes compliance_dirty_day: each (account, UTC day) row drops that day's hours (day NULL: all the account's). */
  private async drainDirtyDays(): Promise<void> {
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
   * One upkeep at a time: in this process, and across processes on a PostgreSQL server through an advisory lock
   * (PGlite serves one process and one connection, which the lock's session would hold).
   */
  private exclusive(fn: () => Promise<void>): Promise<void> {
    const run = this.upkeep.then(() => this.underLock(fn));
    this.upkeep = run.catch(() => undefined);
    return run;
  }

  private async underLock(fn: () => Promise<void>): Promise<void> {
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
