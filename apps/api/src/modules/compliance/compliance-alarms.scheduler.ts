import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { ComplianceAlarmsService } from './compliance-alarms.service';

const TICK_MS = 60_000;
/** Metric reports are heavier than the deadline scan: every tenth tick. */
const METRIC_EVERY_TICKS = 10;

/**
 * Runs the alarm scan on a timer with the hub's other schedules (SYNC_ENABLED), in the processes that run
 * jobs: the api without Redis, the workers with it (raising and resolving are idempotent, so two workers
 * scanning at once do no harm).
 */
@Injectable()
export class ComplianceAlarmsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('ComplianceAlarmsScheduler');
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private ticks = 0;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly alarms: ComplianceAlarmsService,
    private readonly http: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    // Scaled out, the api processes serve requests only (they have an HTTP adapter; workers do not).
    if (!this.config.sync.enabled || (this.config.redisUrl && this.http.httpAdapter)) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.alarms.scan(new Date(), this.ticks % METRIC_EVERY_TICKS === 0);
      this.ticks += 1;
    } catch (err) {
      this.log.error(err);
    } finally {
      this.ticking = false;
    }
  }
}
