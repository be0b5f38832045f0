import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { ScheduledTick } from 'src/common/scheduling/schedule-tick';
import { LabelPurchaseService } from './label-purchase.service';
import { LabelVoidService } from './label-void.service';

/**
 * Every minute (and at start, after a crash): purchases and voids whose process died mid-call are finished, so a
 * label bought is never left unrecorded and a stopped confirmation never stays stopped. Each is taken over by one
 * process only.
 */
@Injectable()
export class LabelRecoveryScheduler extends ScheduledTick {
  constructor(
    @InjectConfig() config: AppConfig,
    http: HttpAdapterHost,
    private readonly purchases: LabelPurchaseService,
    private readonly voids: LabelVoidService,
  ) {
    super(config, http, { name: 'LabelRecoveryScheduler', everyMs: 60_000, runAtStart: true });
  }

  protected async run(now: Date): Promise<void> {
    await this.purchases.recoverStale();
    await this.voids.recoverInterrupted(now);
  }
}
