import { Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { pollCadence } from '@order-hub/rules';
import { InjectConfig } from 'src/config/app-config.token';
import type { AppConfig } from 'src/config/app-config';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { ChannelAdaptersService } from 'src/modules/channels/channel-adapters.service';
import { ChannelError } from 'src/modules/channels/channel-error';
import type { ChangeWindow } from 'src/modules/channels/channel-adapter';
import { JobHandlers, type JobHandler } from 'src/modules/jobs/job-handlers';
import { JobName } from 'src/modules/jobs/job-name';
import { PushLedger } from 'src/modules/push/ledger/push-ledger.service';
import { SyncLeases } from 'src/modules/sync/sync-leases';
import { ImportFollowUps } from '../import-follow-ups';
import { PageImport, withoutValues } from './page-import';

const ACTOR = 'system:order-sync';
/** Rather than hold the account while the channel's budget refills, stop and come back when it has. */
const MAX_INLINE_WAIT_MS = 5_000;
const RETRY_AFTER_ERROR_MS = 60_000;
/** On a graceful stop, how long running pulls get to reach the end of their page before their leases are released. */
const STOP_WAIT_MS = 10_000;

/** An unfinished window and where in it the pull stopped. */
interface SavedCursor {
  from: string;
  to: string;
  cursor: string | null;
}

export type PullOutcome = 'DONE' | 'PAUSED' | 'BUSY' | 'DISABLED' | 'FAILED';

/**
 * `pull-orders` for one account: backfill on the first run, then incremental pulls by change time with an
 * overlap. Progress is saved after every page, so a crash or a pause resumes from the same page. The account is held
 * by a heartbeat lease (SyncLeases); a graceful stop ends the pulls at their page and releases the leases.
 */
@Injectable()
export class PullOrdersJob implements JobHandler, OnModuleInit, BeforeApplicationShutdown {
  readonly jobName = JobName.PULL_ORDERS;
  private readonly log = new Logger('PullOrders');
  private stopping = false;
  private readonly running = new Set<Promise<PullOutcome>>();

  constructor(
    private readonly accounts: ChannelAccountRepository,
    @InjectConfig() private readonly config: AppConfig,
    private readonly leases: SyncLeases,
    private readonly adapters: ChannelAdaptersService,
    private readonly pageImport: PageImport,
    private readonly handlers: JobHandlers,
    private readonly followUps: ImportFollowUps,
    private readonly pushLedger: PushLedger,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  /**
   * Running pulls save their place after the current page and end; then every lease this process holds is given
   * back (a pull still in its page by then saves nothing more), so the next process starts at once.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(this.running),
      new Promise((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS))),
    ]);
    clearTimeout(timer);
    await this.leases
      .releaseAll()
      .catch((err: unknown) => this.log.warn(`Releasing sync leases failed: ${String(err)}`));
  }

  handle(accountId: string): Promise<PullOutcome> {
    const run = this.pull(accountId);
    this.running.add(run);
    void run.finally(() => this.running.delete(run)).catch(() => undefined);
    return run;
  }

  private async pull(accountId: string): Promise<PullOutcome> {
    if (this.stopping) return 'PAUSED';
    const account = await this.accounts.findById(accountId);
    if (!account || account.disabledAt) return 'DISABLED';
    const started = new Date();
    const state = await this.leases.acquire(accountId, started);
    if (!state) return 'BUSY';
    const interval = this.config.sync.intervalMs[account.channel];
    try {
      const adapter = await this.adapters.forAccount(account);
      const saved = state.cursor ? (JSON.parse(state.cursor) as SavedCursor) : null;
      const backfillFrom =
        state.backfillFrom ?? new Date(started.getTime() - this.config.sync.backfillDays * 86_400_000);
      const window: ChangeWindow = saved
        ? { changedAfter: new Date(saved.from), changedBefore: new Date(saved.to) }
        : {
            changedAfter:
              state.phase === 'BACKFILL' || !state.watermark
                ? backfillFrom
                : new Date(state.watermark.getTime() - this.config.sync.overlapMs),
            changedBefore: null,
          };
      const progress = (next: string | null): string | null =>
        next && window.changedBefore
          ? JSON.stringify({
              from: window.changedAfter.toISOString(),
              to: window.changedBefore.toISOString(),
              cursor: next,
            } satisfies SavedCursor)
          : null;
      let cursor = saved?.cursor ?? null;
      let { pagesDone, ordersImported, ordersUpdated } = state;
      if (!saved) pagesDone = 0;
      await this.leases.save(accountId, {
        backfillFrom,
        pagesEstimated: saved ? state.pagesEstimated : null,
        pagesDone,
      });
      for (let first = true; first || cursor; first = false) {
        if (this.leases.isLost(accountId)) return 'BUSY';
        const wait = this.stopping ? 0 : await adapter.listWaitMs();
        if (this.stopping || wait > MAX_INLINE_WAIT_MS) {
          await this.leases.release(accountId, {
            cursor: progress(cursor),
            nextRunAt: new Date(Date.now() + Math.max(wait, 1000)),
          });
          return 'PAUSED';
        }
        const page = await adapter.listChangedOrders(window, cursor);
        // Later pages and a resumed pull keep the bound the channel applied to the first one.
        window.changedBefore ??= page.windowEnd;
        const result = await this.pageImport.run(account, page, ACTOR);
        if (result.insertedIds.length > 0) {
          const placed = new Map(page.orders.map((o) => [o.channelOrderId, o.orderedAt]));
          await this.pushLedger.notePolledOrders(
            accountId,
            result.insertedIds.map((id) => ({ channelOrderId: id, orderedAt: placed.get(id) ?? null })),
            new Date(),
          );
        }
        cursor = page.nextCursor;
        pagesDone += 1;
        ordersImported += result.inserted;
        ordersUpdated += result.updated;
        const kept = await this.leases.save(accountId, {
          cursor: progress(cursor),
          pagesDone,
          pagesEstimated: page.pagesEstimated ?? (cursor ? null : pagesDone),
          ordersImported,
          ordersUpdated,
        });
        // Another process took the account (this one was presumed dead): it goes on from the last saved page.
        if (!kept) return 'BUSY';
      }
      await this.followUps.afterImport(account);
      const now = new Date();
      const cadence = pollCadence({
        normalIntervalSeconds: interval / 1000,
        ...(await this.pushLedger.activity(accountId, now)),
        now,
      });
      await this.leases.release(accountId, {
        phase: 'INCREMENTAL',
        watermark: window.changedBefore ?? started,
        cursor: null,
        lastSuccessAt: new Date(),
        lastError: null,
        lastErrorAt: null,
        nextRunAt: new Date(now.getTime() + cadence.intervalSeconds * 1000),
      });
      return 'DONE';
    } catch (err) {
      const message = err instanceof ChannelError ? err.summary() : 'Unexpected failure while importing orders';
      // The error's name and message only: a database error carries the statement's parameters (buyers' names).
      if (!(err instanceof ChannelError))
        this.log.error(
          `Pull of account ${accountId} failed: ${err instanceof Error ? err.name : 'Error'}: ${withoutValues(err).slice(0, 500)}`,
        );
      await this.leases.release(accountId, {
        lastError: message,
        lastErrorAt: new Date(),
        nextRunAt: new Date(Date.now() + Math.min(interval, RETRY_AFTER_ERROR_MS)),
      });
      return 'FAILED';
    }
  }
}
