import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { ScheduledTick } from 'src/common/scheduling/schedule-tick';
import { ComplianceAlarmsService } from './compliance-alarms.service';

/** Metric reports are heavier than the deadline scan: every tenth tick. */
const METRIC_EVERY_TICKS = 10;

/** Runs the alarm scan every minute (raising and resolving are idempotent, so two workers at once do no harm). */
@Injectable()
export class ComplianceAlarmsScheduler extends ScheduledTick {
  private ticks = 0;

  constructor(
    @InjectConfig() config: AppConfig,
    http: HttpAdapterHost,
    private readonly alarms: ComplianceAlarmsService,
  ) {
    super(config, http, { name: 'ComplianceAlarmsScheduler', everyMs: 60_000, runAtStart: false });
  }

  protected async run(now: Date): Promise<void> {
    await this.alarms.scan(now, this.ticks % METRIC_EVERY_TICKS === 0);
    this.ticks += 1;
  }
}
