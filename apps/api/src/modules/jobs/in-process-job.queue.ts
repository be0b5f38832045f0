import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { JobHandlers } from './job-handlers';
import type { JobName } from './job-name';
import { JobQueue } from './job-queue';

/** Runs jobs in this process, one at a time per job and id, at most `concurrency` (WORKER_CONCURRENCY) at once. */
@Injectable()
export class InProcessJobQueue extends JobQueue implements OnApplicationShutdown {
  private readonly log = new Logger('Jobs');
  private readonly running = new Map<string, Promise<unknown>>();
  /** Keys whose run has begun: a request for one of them is answered by a run after it, not by joining it. */
  private readonly started = new Set<string>();
  private readonly again = new Map<string, Promise<unknown>>();
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

  /**
   * Runs the job (after the ones ahead of it) and resolves with its result. A request for an id whose run is still
   * waiting joins that run; one for an id whose run has begun gets one more run after it, since the running one may
   * have read its data before this request's change (a shipment confirmed mid-run must still be registered).
   */
  run(name: JobName, id: string): Promise<unknown> {
    const key = `${name}:${id}`;
    const current = this.running.get(key);
    if (!current) return this.start(key, name, id);
    if (!this.started.has(key)) return current;
    let next = this.again.get(key);
    if (!next) {
      next = current
        .catch(() => undefined)
        .then(() => {
          this.again.delete(key);
          return this.run(name, id);
        });
      this.again.set(key, next);
    }
    return next;
  }

  private start(key: string, name: JobName, id: string): Promise<unknown> {
    const run = this.slot()
      .then(() => {
        this.started.add(key);
        return this.handlers.get(name).handle(id);
      })
      .finally(() => {
        this.running.delete(key);
        this.started.delete(key);
        this.release();
      });
    this.running.set(key, run);
    return run;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running.values(), ...this.again.values()]);
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
