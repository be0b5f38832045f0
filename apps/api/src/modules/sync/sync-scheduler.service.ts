import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectConfig } from 'src/config/app-config.token';
import type { AppConfig } from 'src/config/app-config';
import { InProcessJobQueue } from 'src/modules/jobs/in-process-job.queue';
import { JobName } from 'src/modules/jobs/job-name';
import { JobQueue } from 'src/modules/jobs/job-queue';
import type { PullOutcome } from './jobs/pull-orders.job';
import { SyncStateService } from './sync-state.service';

const TICK_MS = 1_000;

/**
 * The pull schedule: every second, `pull-orders` is queued for each account that is due. Any number of
 * processes may schedule: the queue drops a job already waiting for the account, and the database lease
 * keeps one pull per account running.
 */
@Injectable()
export class SyncSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('SyncScheduler');
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly states: SyncStateService,
    private readonly queue: JobQueue,
    private readonly inProcess: InProcessJobQueue,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.sync.enabled) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Asks for a pull of the account as soon as a runner is free. */
  async requestPull(accountId: string): Promise<void> {
    await this.states.requestNow(accountId, new Date());
    await this.queue.enqueue(JobName.PULL_ORDERS, accountId);
  }

  /** Pulls the account in this process now (or joins the pull running here) and resolves with how it ended. */
  pullNow(accountId: string): Promise<PullOutcome> {
    return this.inProcess.run(JobName.PULL_ORDERS, accountId) as Promise<PullOutcome>;
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      for (const id of await this.states.dueAccountIds(new Date())) await this.queue.enqueue(JobName.PULL_ORDERS, id);
    } catch (err) {
      this.log.error(err);
    } finally {
      this.ticking = false;
    }
  }
}
