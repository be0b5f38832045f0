import type { JobName } from './job-name';

/** Where work is handed to: this process (default) or BullMQ on Redis (REDIS_URL, scale-out). */
export abstract class JobQueue {
  /** Asks for the job to run; a job already waiting or running for the same id is not queued twice. */
  abstract enqueue(name: JobName, id: string): Promise<void>;
}
