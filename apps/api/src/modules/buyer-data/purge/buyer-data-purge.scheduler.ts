import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { ScheduledTick } from 'src/common/scheduling/schedule-tick';
import { BuyerDataPurgeService } from './buyer-data-purge.service';

/**
 * Runs the buyer data purge every 15 minutes (retention is counted in days, so an order stays at most that long
 * past its limit). Two workers at once are safe (SKIP LOCKED).
 */
@Injectable()
export class BuyerDataPurgeScheduler extends ScheduledTick {
  constructor(
    @InjectConfig() config: AppConfig,
    http: HttpAdapterHost,
    private readonly purge: BuyerDataPurgeService,
  ) {
    super(config, http, { name: 'BuyerDataPurge', everyMs: 15 * 60_000, runAtStart: true });
  }

  protected run(now: Date): Promise<unknown> {
    return this.purge.purgeDue(now);
  }
}
