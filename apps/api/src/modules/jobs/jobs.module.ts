import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { AppConfig } from 'src/config/app-config';
import { BullmqJobQueue } from './bullmq-job.queue';
import { BullmqJobWorker } from './bullmq-job.worker';
import { InProcessJobQueue } from './in-process-job.queue';
import { JobHandlers } from './job-handlers';
import { JobQueue } from './job-queue';
import { LeaseHolder } from './lease-holder';
import { redisOptions } from './redis-options';

/**
 * Without REDIS_URL every process runs its jobs itself (the database lease still keeps one pull per account).
 * With REDIS_URL jobs go through BullMQ: api processes only enqueue, worker processes consume. Either way a process
 * runs at most WORKER_CONCURRENCY jobs at once (most of a job's time is spent waiting on a channel).
 */
@Global()
@Module({})
export class JobsModule {
  static register(config: AppConfig, role: 'api' | 'worker'): DynamicModule {
    const providers: Provider[] = [
      JobHandlers,
      { provide: LeaseHolder, useFactory: () => new LeaseHolder() },
      {
        provide: InProcessJobQueue,
        useFactory: (handlers: JobHandlers) => new InProcessJobQueue(handlers, config.workerConcurrency),
        inject: [JobHandlers],
      },
    ];
    if (config.redisUrl) {
      const connection = redisOptions(config.redisUrl);
      providers.push({ provide: JobQueue, useFactory: () => new BullmqJobQueue(connection) });
      if (role === 'worker') {
        providers.push({
          provide: BullmqJobWorker,
          useFactory: (handlers: JobHandlers, queue: JobQueue) =>
            new BullmqJobWorker(connection, handlers, config.workerConcurrency, queue),
          inject: [JobHandlers, JobQueue],
        });
      }
    } else {
      providers.push({ provide: JobQueue, useExisting: InProcessJobQueue });
    }
    return { module: JobsModule, providers, exports: [JobQueue, JobHandlers, InProcessJobQueue, LeaseHolder] };
  }
}
