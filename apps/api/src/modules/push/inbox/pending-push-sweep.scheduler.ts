import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { ScheduledTick } from 'src/common/scheduling/schedule-tick';
import { JobName } from 'src/modules/jobs/job-name';
import { JobQueue } from 'src/modules/jobs/job-queue';
import { PushLedger } from 'src/modules/push/ledger/push-ledger.service';

/** A push still PENDING this long after it was received lost its fetch (a crash, a lost retry timer). */
const STALE_AFTER_MS = 30_000;

/** Re-queues the fetch of pushes left PENDING, every 30 seconds. */
@Injectable()
export class PendingPushSweepScheduler extends ScheduledTick {
  constructor(
    @InjectConfig() config: AppConfig,
    http: HttpAdapterHost,
    private readonly ledger: PushLedger,
    private readonly queue: JobQueue,
  ) {
    super(config, http, { name: 'PendingPushSweep', everyMs: STALE_AFTER_MS, runAtStart: true });
  }

  protected async run(now: Date): Promise<unknown> {
    const ids = await this.ledger.pendingBefore(new Date(now.getTime() - STALE_AFTER_MS));
    for (const id of ids) await this.queue.enqueue(JobName.FETCH_PUSHED_ORDER, id);
    return ids.length;
  }
}
