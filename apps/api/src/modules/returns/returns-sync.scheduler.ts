import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { ScheduledTick } from 'src/common/scheduling/schedule-tick';
import { ReturnsSyncService } from './returns-sync.service';

/**
 * Every minute (and at start), pulls the returns of each account whose next pull is due: Walmart every 15 minutes,
 * Amazon's report every 4 hours (the channel profile's refreshEveryMinutes), failures after their backoff.
 */
@Injectable()
export class ReturnsSyncScheduler extends ScheduledTick {
  constructor(
    @InjectConfig() config: AppConfig,
    http: HttpAdapterHost,
    private readonly sync: ReturnsSyncService,
  ) {
    super(config, http, { name: 'ReturnsSyncScheduler', everyMs: 60_000, runAtStart: true });
  }

  protected run(now: Date): Promise<number> {
    return this.sync.runDue(now);
  }
}
