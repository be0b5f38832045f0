import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { ScheduledTick } from 'src/common/scheduling/schedule-tick';
import { TrackingHoldsService } from './tracking-holds.service';

/**
 * Releases held confirmations whose deadline has come, or whose scan arrived without the hook (recorded while
 * this process was down), every minute. A hold missed by every sweep is still sent: its outbox row is due at the
 * deadline.
 */
@Injectable()
export class TrackingHoldSweepScheduler extends ScheduledTick {
  constructor(
    @InjectConfig() config: AppConfig,
    http: HttpAdapterHost,
    private readonly holds: TrackingHoldsService,
  ) {
    super(config, http, { name: 'TrackingHoldSweep', everyMs: 60_000, runAtStart: true });
  }

  protected run(now: Date): Promise<unknown> {
    return this.holds.sweep(now);
  }
}
