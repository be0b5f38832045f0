import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import type { JobName } from './job-name';
import { QUEUE_NAME } from './job-name';
import { JobQueue } from './job-queue';

/**
 * BullMQ on Redis: the job id is `<name>-<id>`, so a job already waiting or active for the same account is
 * not added again; finished jobs are removed so the next request for that id is accepted.
 */
@Injectable()
export class BullmqJobQueue extends JobQueue implements OnApplicationShutdown {
  private readonly queue: Queue;

  constructor(connection: RedisOptions) {
    super();
    this.queue = new Queue(QUEUE_NAME, { connection });
  }

  async enqueue(name: JobName, id: string): Promise<void> {
    await this.queue.add(name, { id }, { jobId: `${name}-${id}`, removeOnComplete: true, removeOnFail: true });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
