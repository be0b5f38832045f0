import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { ScheduledTick } from 'src/common/scheduling/schedule-tick';
import { NotificationDispatcher } from './notification-dispatcher.service';

/** Every 30 seconds (and at start): new alerts to the rules' targets, digests due, retries and deferred sends. */
@Injectable()
export class NotificationsScheduler extends ScheduledTick {
  constructor(
    @InjectConfig() config: AppConfig,
    http: HttpAdapterHost,
    private readonly dispatcher: NotificationDispatcher,
  ) {
    super(config, http, { name: 'NotificationsScheduler', everyMs: 30_000, runAtStart: true });
  }

  protected run(now: Date): Promise<unknown> {
    return this.dispatcher.runOnce(now);
  }
}
