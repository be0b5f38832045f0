import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { ScheduledTick } from 'src/common/scheduling/schedule-tick';
import { MailboxSyncService } from './mailbox-sync.service';

/** Every minute (and at start), reads each enabled mailbox whose next run is due: every 2 minutes, failures after their backoff. */
@Injectable()
export class MailboxSyncScheduler extends ScheduledTick {
  constructor(
    @InjectConfig() config: AppConfig,
    http: HttpAdapterHost,
    private readonly sync: MailboxSyncService,
  ) {
    super(config, http, { name: 'MailboxSyncScheduler', everyMs: 60_000, runAtStart: true });
  }

  protected run(now: Date): Promise<number> {
    return this.sync.runDue(now);
  }
}
