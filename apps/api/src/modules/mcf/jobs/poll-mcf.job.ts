import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { JobHandlers, type JobHandler } from 'src/modules/jobs/job-handlers';
import { JobName } from 'src/modules/jobs/job-name';
import { JobQueue } from 'src/modules/jobs/job-queue';
import { McfRepository } from 'src/modules/mcf/mcf-order.repository';
import { McfTrackerService, type PollOutcome } from 'src/modules/mcf/mcf-tracker.service';

const TICK_MS = 2_000;

/** `poll-mcf` for one MCF order, and the tick that queues the ones due. */
@Injectable()
export class PollMcfJob implements JobHandler, OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  readonly jobName = JobName.POLL_MCF;
  private readonly log = new Logger('McfTracker');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly mcfOrders: McfRepository,
    private readonly tracker: McfTrackerService,
    private readonly handlers: JobHandlers,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  handle(id: string): Promise<PollOutcome> {
    return this.tracker.poll(id);
  }

  private async tick(): Promise<void> {
    try {
      for (const id of await this.mcfOrders.duePollIds(new Date(), 200)) await this.queue.enqueue(JobName.POLL_MCF, id);
    } catch (err) {
      this.log.error(err);
    }
  }
}
