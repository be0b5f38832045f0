import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from 'src/config/app-config';

export interface ScheduleOptions {
  name: string;
  everyMs: number;
  /** Run once at start as well (a missed interval during downtime is caught up at once). */
  runAtStart: boolean;
}

/**
 * A task run on a timer with the hub's other schedules (off with SYNC_ENABLED=false), in the processes that run
 * jobs: the api without REDIS_URL, the workers with it. A tick still running makes the next one skip, and a
 * failing tick is logged, never thrown, so the schedule keeps going.
 */
export abstract class ScheduledTick implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log: Logger;
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  protected constructor(
    private readonly config: AppConfig,
    private readonly http: HttpAdapterHost,
    private readonly options: ScheduleOptions,
  ) {
    this.log = new Logger(options.name);
  }

  protected abstract run(now: Date): Promise<unknown>;

  onApplicationBootstrap(): void {
    // Scaled out, the api processes serve requests only (they have an HTTP adapter; workers do not).
    if (!this.config.sync.enabled || (this.config.redisUrl && this.http.httpAdapter)) return;
    this.timer = setInterval(() => void this.tick(), this.options.everyMs);
    this.timer.unref();
    if (this.options.runAtStart) void this.tick();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.run(new Date());
    } catch (err) {
      this.log.error(err);
    } finally {
      this.ticking = false;
    }
  }
}
