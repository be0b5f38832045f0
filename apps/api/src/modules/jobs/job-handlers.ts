import { Injectable } from '@nestjs/common';
import type { JobName } from './job-name';

export interface JobHandler {
  readonly jobName: JobName;
  /** Runs the job for one id (an account, an outbox row…); safe to run again for the same id. */
  handle(id: string): Promise<unknown>;
}

/** Handlers register themselves at module init; both queue drivers dispatch through this registry. */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<JobName, JobHandler>();

  register(handler: JobHandler): void {
    this.handlers.set(handler.jobName, handler);
  }

  get(name: string): JobHandler {
    const handler = this.handlers.get(name as JobName);
    if (!handler) throw new Error(`No handler for job ${name}`);
    return handler;
  }
}
