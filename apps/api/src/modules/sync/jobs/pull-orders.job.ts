import { Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { channelProfile } from '@order-hub/rules';
import { InjectConfig } from 'src/config/app-config.token';
import type { AppConfig } from 'src/config/app-config';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { ChannelAdaptersService } from 'src/modules/channels/channel-adapters.service';
import { ChannelError } from 'src/modules/channels/channel-error';
import type { ChangeWindow } from 'src/modules/channels/channel-adapter';
import { JobHandlers, type JobHandler } from 'src/modules/jobs/job-handlers';
import { JobName } from 'src/modules/jobs/job-name';
import { AcknowledgeService } from 'src/modules/actions/acknowledge.service';
import { McfRoutingService } from 'src/modules/mcf/mcf-routing.service';
import { OrderImportService } from 'src/modules/orders/order-import.service';
import { LEASE_MS, SyncStateService } from 'src/modules/sync/sync-state.service';

const ACTOR = 'system:order-sync';
/** Rather than hold the account while the channel's budget refills, stop and come back when it has. */
const MAX_INLINE_WAIT_MS = 5_000;
const RETRY_AFTER_ERROR_MS = 60_000;

/** An unfinished window and where in it the pull stopped. */
interface SavedCursor {
  from: string;
  to: string;
  cursor: string | null;
}

export type PullOutcome = 'DONE' | 'PAUSED' | 'BUSY' | 'DISABLED' | 'FAILED';

/**
 * `pull-orders` for one account: backfill on the first run, then incremental pulls by change time with an
 * overlap. Progress is saved after every page, so a crash or a pause resumes from the same page.
 */
@Injectable()
export class PullOrdersJob implements JobHandler, OnModuleInit, BeforeApplicationShutdown {
  readonly jobName = JobName.PULL_ORDERS;
  private readonly log = new Logger('PullOrders');
  private stopping = false;

  constructor(
    private readonly accounts: ChannelAccountRepository,
    @InjectConfig() private readonly config: AppConfig,
    private readonly states: SyncStateService,
    private readonly adapters: ChannelAdaptersService,
    private readonly imports: OrderImportService,
    private readonly handlers: JobHandlers,
    private readonly acknowledge: AcknowledgeService,
    private readonly mcfRouting: McfRoutingService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  /** Running pulls save their place after the current page and end. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  async handle(accountId: string): Promise<PullOutcome> {
    const account = await this.accounts.findById(accountId);
    if (!account || account.disabledAt) return 'DISABLED';
    const started = new Date();
    const state = await this.states.acquire(accountId, started);
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
      await this.states.save(accountId, {
        backfillFrom,
        pagesEstimated: saved ? state.pagesEstimated : null,
        pagesDone,
      });
      for (let first = true; first || cursor; first = false) {
        const wait = await adapter.listWaitMs();
        if (this.stopping || wait > MAX_INLINE_WAIT_MS) {
          await this.states.save(accountId, {
            cursor: progress(cursor),
            nextRunAt: new Date(Date.now() + Math.max(wait, 1000)),
            lockedUntil: null,
          });
          return 'PAUSED';
        }
        const page = await adapter.listChangedOrders(window, cursor);
        // Later pages and a resumed pull keep the bound the channel applied to the first one.
        window.changedBefore ??= page.windowEnd;
        const result = await this.imports.upsert(account, page.orders, ACTOR);
        cursor = page.nextCursor;
        pagesDone += 1;
        ordersImported += result.inserted;
        ordersUpdated += result.updated;
        await this.states.save(accountId, {
          cursor: progress(cursor),
          pagesDone,
          pagesEstimated: page.pagesEstimated ?? (cursor ? null : pagesDone),
          ordersImported,
          ordersUpdated,
          lockedUntil: new Date(Date.now() + LEASE_MS),
        });
      }
      const profile = channelProfile(account.channel);
      if (profile.mcf.origin) await this.mcfRouting.routeOnImport(accountId);
      if (profile.needsAcknowledgement && account.autoAcknowledge) await this.acknowledge.autoAcknowledge(accountId);
      await this.states.save(accountId, {
        phase: 'INCREMENTAL',
        watermark: window.changedBefore ?? started,
        cursor: null,
        lastSuccessAt: new Date(),
        lastError: null,
        lastErrorAt: null,
        nextRunAt: new Date(Date.now() + interval),
        lockedUntil: null,
      });
      return 'DONE';
    } catch (err) {
      const message = err instanceof ChannelError ? err.summary() : 'Unexpected failure while importing orders';
      if (!(err instanceof ChannelError)) this.log.error(err);
      await this.states.save(accountId, {
        lastError: message,
        lastErrorAt: new Date(),
        nextRunAt: new Date(Date.now() + Math.min(interval, RETRY_AFTER_ERROR_MS)),
        lockedUntil: null,
      });
      return 'FAILED';
    }
  }
}
