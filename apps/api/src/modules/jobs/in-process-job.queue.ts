import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { JobHandlers } from './job-handlers';
import type { JobName } from './job-name';
import { JobQueue } from './job-queue';

/** Runs jobs in this process, one at a time per job and id, at most `concurrency` (WORKER_CONCURRENCY) at once. */
@Injectable()
export class InProcessJobQueue extends JobQueue implements OnApplicationShutdown {
  private readonly log = new Logger('Jobs');
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly waiting: (() => void)[] = [];
  private active = 0;

  constructor(
    private readonly handlers: JobHandlers,
    /** Jobs running at once in this process; the rest wait their turn in order. */
    private readonly concurrency: number,
  ) {
    super();
  }

  enqueue(name: JobName, id: string): Promise<void> {
    void this.run(name, id).catch((err: unknown) => this.log.error(err));
    return Promise.resolve();
  }

  /** Runs the job (after the ones ahead of it), or joins the run already queued for the same id; resolves with its result. */
  run(name: JobName, id: string): Promise<unknown> {
    const key = `${name}:${id}`;
    const current = this.running.get(key);
    if (current) return current;
    const run = this.slot()
      .then(() => this.handlers.get(name).handle(id))
      .finally(() => {
        this.running.delete(key);
        this.release();
      });
    this.running.set(key, run);
    return run;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.running.values());
  }

  private slot(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}
