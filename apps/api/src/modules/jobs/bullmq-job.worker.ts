import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { againKey, jobIdOf } from './bullmq-job.queue';
import { JobHandlers } from './job-handlers';
import { QUEUE_NAME, type JobName } from './job-name';
import type { JobQueue } from './job-queue';

/** Consumes the shared queue in a worker process (`node dist/src/worker.js` with REDIS_URL). */
@Injectable()
export class BullmqJobWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('JobWorker');
  private worker: Worker | null = null;

  constructor(
    private readonly connection: RedisOptions,
    private readonly handlers: JobHandlers,
    private readonly concurrency: number,
    private readonly queue: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<{ id: string }>(QUEUE_NAME, (job) => this.process(job), {
      connection: this.connection,
      concurrency: this.concurrency,
      // A worker that dies holds its jobs until its lock lapses; short locks (renewed while alive) hand them on sooner.
      lockDuration: 10_000,
      stalledInterval: 5_000,
    });
    this.worker.on('failed', (job: Job<{ id: string }> | undefined, err) => {
      this.log.error(`${job?.name ?? 'job'} ${job?.data.id ?? ''} failed: ${err.message}`);
      if (job) void this.requeueIfAsked(job);
    });
    this.worker.on('completed', (job: Job<{ id: string }>) => void this.requeueIfAsked(job));
  }

  /** Lets running jobs finish (a pull stops after its current page), then disconnects. */
  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  /** Runs the job, and again while requests arrived during the run (their flag is set again). */
  private async process(job: Job<{ id: string }>): Promise<unknown> {
    const client = await this.worker!.client;
    const flag = againKey(jobIdOf(job.name, job.data.id));
    const handler = this.handlers.get(job.name);
    let result: unknown;
    do {
      await client.del(flag);
      result = await handler.handle(job.data.id);
    } while ((await client.get(flag)) !== null);
    return result;
  }

  /** A request that came between the last look at the flag and the job's removal would have been dropped: re-add it. */
  private async requeueIfAsked(job: Job<{ id: string }>): Promise<void> {
    try {
      const client = await this.worker!.client;
      if ((await client.get(againKey(jobIdOf(job.name, job.data.id)))) !== null)
        await this.queue.enqueue(job.name as JobName, job.data.id);
    } catch (err) {
      this.log.error(err);
    }
  }
}
