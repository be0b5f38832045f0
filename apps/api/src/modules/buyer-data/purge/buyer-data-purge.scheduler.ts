import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { BuyerDataPurgeService } from './buyer-data-purge.service';

/** Retention is counted in days: checking every 15 minutes keeps an order at most that long past its limit. */
const TICK_MS = 15 * 60_000;

/**
 * Runs the buyer data purge in the processes that run the hub's schedules (as the tracking hold sweep): in-process
 * without REDIS_URL, in the worker processes when scaled out. Two workers at once are safe (SKIP LOCKED).
 */
@Injectable()
export class BuyerDataPurgeScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('BuyerDataPurge');
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly purge: BuyerDataPurgeService,
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
      await this.purge.purgeDue(new Date());
    } catch (err) {
      this.log.error(err);
    } finally {
      this.ticking = false;
    }
  }
}
