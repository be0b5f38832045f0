import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { JobHandlers } from './job-handlers';
import { QUEUE_NAME } from './job-name';

/** Consumes the shared queue in a worker process (`node dist/src/worker.js` with REDIS_URL). */
@Injectable()
export class BullmqJobWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('JobWorker');
  private worker: Worker | null = null;

  constructor(
    private readonly connection: RedisOptions,
    private readonly handlers: JobHandlers,
    private readonly concurrency: number,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<{ id: string }>(QUEUE_NAME, (job) => this.handlers.get(job.name).handle(job.data.id), {
      connection: this.connection,
      concurrency: this.concurrency,
      // A worker that dies holds its jobs until its lock lapses; short locks (renewed while alive) hand them on sooner.
      lockDuration: 10_000,
      stalledInterval: 5_000,
    });
    this.worker.on('failed', (job: Job<{ id: string }> | undefined, err) =>
      this.log.error(`${job?.name ?? 'job'} ${job?.data.id ?? ''} failed: ${err.message}`),
    );
  }

  /** Lets running jobs finish (a pull stops after its current page), then disconnects. */
  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
