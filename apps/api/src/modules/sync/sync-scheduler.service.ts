import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectConfig } from '../../config/app-config.token';
import type { AppConfig } from '../../config/app-config';
import { PullOrdersJob, type PullOutcome } from './jobs/pull-orders.job';
import { SyncStateService } from './sync-state.service';

const TICK_MS = 1_000;

/**
 * The in-process driver of the pull schedule: every second it starts `pull-orders` for each account that is
 * due. The database lease keeps one pull per account even when several processes schedule.
 */
@Injectable()
export class SyncSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('SyncScheduler');
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private readonly running = new Map<string, Promise<PullOutcome>>();

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly states: SyncStateService,
    private readonly job: PullOrdersJob,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.sync.enabled) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.job.stop();
    await Promise.allSettled(this.running.values());
  }

  /** Starts a pull of the account now (unless one is running) and resolves when it ends. */
  pullNow(accountId: string): Promise<PullOutcome> {
    const current = this.running.get(accountId);
    if (current) return current;
    const run = this.job.handle(accountId).finally(() => this.running.delete(accountId));
    this.running.set(accountId, run);
    return run;
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      for (const id of await this.states.dueAccountIds(new Date())) {
        if (!this.running.has(id)) void this.pullNow(id);
      }
    } catch (err) {
      this.log.error(err);
    } finally {
      this.ticking = false;
    }
  }
}
