import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CHANNELS } from '@order-hub/types';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { JobName } from 'src/modules/jobs/job-name';
import { JobQueue } from 'src/modules/jobs/job-queue';

const HOUR_MS = 3_600_000;
/** The first run waits a little, so a fresh hub's first order import (the demo's) is in the backfilled days. */
const FIRST_RUN_MS = 60_000;

/**
 * Queues the snapshot job per channel a minute after start and then hourly, with the hub's other schedules
 * (SYNC_ENABLED). Every process may queue: a job already waiting for the channel is not queued twice, and
 * writing a snapshot again only replaces it.
 */
@Injectable()
export class ComplianceSnapshotScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('ComplianceSnapshotScheduler');
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly queue: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.sync.enabled) return;
    const first = setTimeout(() => {
      void this.enqueue();
      const hourly = setInterval(() => void this.enqueue(), HOUR_MS);
      hourly.unref();
      this.timers.push(hourly);
    }, FIRST_RUN_MS);
    first.unref();
    this.timers.push(first);
  }

  onApplicationShutdown(): void {
    for (const t of this.timers) clearTimeout(t);
  }

  private async enqueue(): Promise<void> {
    try {
      for (const channel of CHANNELS) await this.queue.enqueue(JobName.COMPLIANCE_SNAPSHOTS, channel);
    } catch (err) {
      this.log.error(err);
    }
  }
}
