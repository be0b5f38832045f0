import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import type { JobName } from './job-name';
import { QUEUE_NAME } from './job-name';
import { JobQueue } from './job-queue';

/** A request for a job id that arrived while its job ran; the worker runs the job again while it is set. */
export const againKey = (jobId: string) => `${QUEUE_NAME}:again:${jobId}`;
export const jobIdOf = (name: string, id: string) => `${name}-${id}`;
/** A flag nobody consumed (its job was removed by hand) lapses after this. */
const AGAIN_TTL_MS = 3_600_000;

/**
 * BullMQ on Redis: the job id is `<name>-<id>`, so a job already waiting for the same id is not added again;
 * finished jobs are removed so the next request for that id is accepted. A request that finds the job running
 * leaves its `again` flag, and the worker runs the job once more (the running one may have read its data before
 * the change the request signals).
 */
@Injectable()
export class BullmqJobQueue extends JobQueue implements OnApplicationShutdown {
  private readonly queue: Queue;

  constructor(connection: RedisOptions) {
    super();
    this.queue = new Queue(QUEUE_NAME, { connection });
  }

  async enqueue(name: JobName, id: string): Promise<void> {
    const jobId = jobIdOf(name, id);
    const client = await this.queue.client;
    await client.set(againKey(jobId), '1', { PX: AGAIN_TTL_MS });
    await this.queue.add(name, { id }, { jobId, removeOnComplete: true, removeOnFail: true });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
