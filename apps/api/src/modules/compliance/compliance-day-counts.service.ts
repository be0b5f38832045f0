import { Injectable } from '@nestjs/common';
import type { Channel } from '@order-hub/types';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { HOUR_MS, hourRuns, planCounts, type CountPlan, type HourRun } from './compliance-count-plan';
import { ComplianceDayCountsRepository } from './compliance-day-counts.repository';
import type { DepthCount, FactsQuery, FactsScope } from './compliance-facts.types';
import { TrackingCheckService } from './tracking-check.service';

/** A report "as of now" may name an instant this close to the clock. */
const NOW_TOLERANCE_MS = 60_000;

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
    private readonly counts: ComplianceDayCountsRepository,
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
    // Verdicts written for the live hours mark their days dirty: written first, the upkeep below drains them.
    for (const [i, group] of groups.entries()) if (group.checksTracking) await this.checkLive(request, plans[i]);
    const fromStore = async () => {
      if (!cachedGroups.length) return;
      const accounts = await this.accounts(request);
      // Read under the same lock: another upkeep may drop hours it drains until it has counted them again.
      await this.exclusive(async () => {
        await this.bringUpToDate(request, accounts, cachedGroups);
        // Reads only: on a PostgreSQL server they run side by side on the pool's connections.
        await Promise.all(
          groups.map(async (group, i) => {
            if (plans[i].cachedHours.length) stored[i] = await this.stored(request, accounts, group, plans[i]);
          }),
        );
      });
    };
    // The live reads touch no stored hour: on a PostgreSQL server they run beside the upkeep, on other connections.
    const [live] = await Promise.all([
      Promise.all(groups.map((group, i) => this.live(request, group, plans[i]))),
      fromStore(),
    ]);
    return groups.map((_, i) => [...stored[i], ...live[i]]);
  }

  /** Checks the tracking numbers of the shipments in the plan's live ranges. */
  private async checkLive(request: CountRequest, plan: CountPlan): Promise<void> {
    const { channel, accountId, asOf } = request;
    for (const range of plan.live) {
      const before = range.before && range.before < asOf ? range.before : asOf;
      if (range.from < before) await this.trackingChecks.refresh(channel, accountId, range.from, before);
    }
  }

  /** The plan's live ranges in one facts query (scoped from the first range), their tracking numbers checked before. */
  private async live(request: CountRequest, group: FactsGroup, plan: CountPlan): Promise<DepthCount[]> {
    const { channel, accountId, asOf } = request;
    const ranges = plan.cachedHours.length ? plan.live : [];
    return this.counts.depthCounts(
      group.facts({ channel, accountId, start: plan.live[0].from, end: asOf }),
      group.starts,
      ranges,
    );
  }

  /** The stored counts of the plan's hours, each inside as many window starts as are at or before it. */
  private stored(request: CountRequest, accounts: string[], group: FactsGroup, plan: CountPlan): Promise<DepthCount[]> {
    return this.counts.storedCounts(
      { accounts, factKey: group.key, policyVersion: request.policyVersion },
      plan.cachedHours,
      group.starts,
    );
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
      await this.counts.drainDirtyDays();
      const found = await Promise.all(
        groups.flatMap(({ group, plan }) =>
          accounts.map(async (accountId) => ({
            group,
            accountId,
            runs: hourRuns(await this.missingHours({ ...request, accountId }, group, plan)),
          })),
        ),
      );
      const work = found.filter((w) => w.runs.length > 0);
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
    const have = await this.counts.storedHours(
      { accountId: request.accountId, factKey: group.key, policyVersion: request.policyVersion },
      plan.cacheFrom!,
      plan.cacheBefore!,
    );
    const stored = new Set(have.map((h) => h.getTime()));
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
    await this.counts.countHours(
      facts,
      { accountId: request.accountId, factKey: group.key, policyVersion: request.policyVersion },
      run,
    );
  }

  /**
   * One upkeep at a time: in this process, and across processes on a PostgreSQL server through an advisory lock
   * (PGlite serves one process and one connection, which the lock's session would hold).
   */
  private exclusive(fn: () => Promise<void>): Promise<void> {
    const run = this.upkeep.then(() => this.counts.withUpkeepLock(fn));
    this.upkeep = run.catch(() => undefined);
    return run;
  }
}
