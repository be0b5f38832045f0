import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { ScheduledTick } from 'src/common/scheduling/schedule-tick';
import { AccountHealthService } from './account-health.service';

/**
 * Checks hourly (and at start) for accounts whose account health report is a day old, so each is fetched daily
 * and a restart catches up at once; Amazon's createReport plan (one a minute) is spent once a day per account.
 */
@Injectable()
export class AccountHealthScheduler extends ScheduledTick {
  constructor(
    @InjectConfig() config: AppConfig,
    http: HttpAdapterHost,
    private readonly health: AccountHealthService,
  ) {
    super(config, http, { name: 'AccountHealthScheduler', everyMs: 3_600_000, runAtStart: true });
  }

  protected run(now: Date): Promise<number> {
    return this.health.refreshDue(now);
  }
}
