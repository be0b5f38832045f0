import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { TrackingHoldsService } from './tracking-holds.service';

const TICK_MS = 60_000;

/**
 * Releases held confirmations whose deadline has come, or whose scan arrived without the hook (recorded while
 * this process was down), every minute in the processes that run the hub's schedules (as the compliance alarms).
 * A hold missed by every sweep is still sent: its outbox row is due at the deadline.
 */
@Injectable()
export class TrackingHoldSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('TrackingHoldSweep');
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly holds: TrackingHoldsService,
    private readonly http: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    // Scaled out, the api processes serve requests only (they have an HTTP adapter; workers do not).
    if (!this.config.sync.enabled || (this.config.redisUrl && this.http.httpAdapter)) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
    void this.tick();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.holds.sweep(new Date());
    } catch (err) {
      this.log.error(err);
    } finally {
      this.ticking = false;
    }
  }
}
