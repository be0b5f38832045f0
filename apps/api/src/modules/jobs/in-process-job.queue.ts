import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { JobHandlers } from './job-handlers';
import type { JobName } from './job-name';
import { JobQueue } from './job-queue';

/** Runs jobs in this process, one at a time per job and id. */
@Injectable()
export class InProcessJobQueue extends JobQueue implements OnApplicationShutdown {
  private readonly log = new Logger('Jobs');
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(private readonly handlers: JobHandlers) {
    super();
  }

  enqueue(name: JobName, id: string): Promise<void> {
    void this.run(name, id).catch((err: unknown) => this.log.error(err));
    return Promise.resolve();
  }

  /** Runs the job now, or joins the run already going for the same id, and resolves with its result. */
  run(name: JobName, id: string): Promise<unknown> {
    const key = `${name}:${id}`;
    const current = this.running.get(key);
    if (current) return current;
    const run = this.handlers
      .get(name)
      .handle(id)
      .finally(() => this.running.delete(key));
    this.running.set(key, run);
    return run;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.running.values());
  }
}
