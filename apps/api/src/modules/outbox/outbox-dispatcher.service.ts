import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { JobName } from 'src/modules/jobs/job-name';
import { JobQueue } from 'src/modules/jobs/job-queue';
import { OutboxDeliveryService } from './outbox-delivery.service';

const TICK_MS = 1_000;

/**
 * Every second: rows left SENDING by a process that died (no heartbeat for OUTBOX_SENDING_LEASE_MS) go back to
 * PENDING, and due rows are queued for delivery. The queue drops a row already waiting; the claim lets only one
 * attempt run. Every quarter of the hold, the heartbeat renews the rows this process is sending.
 */
@Injectable()
export class OutboxDispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Outbox');
  private timer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private ticking = false;
  private beating = false;

  constructor(
    private readonly delivery: OutboxDeliveryService,
    private readonly queue: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const recovered = await this.delivery.recoverStuck();
    if (recovered)
      this.log.warn(
        `${recovered} outbox row(s) were left SENDING by a stopped process; they are read back and resent if needed`,
      );
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
    this.heartbeat = setInterval(() => void this.beat(), this.delivery.heartbeatMs);
    this.heartbeat.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
  }

  /** Renews the hold on the rows whose calls this process has in flight. */
  async beat(): Promise<void> {
    if (this.beating) return;
    this.beating = true;
    try {
      await this.delivery.renewLeases();
    } catch (err) {
      this.log.error(err);
    } finally {
      this.beating = false;
    }
  }

  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.delivery.recoverStuck();
      for (const id of await this.delivery.dueIds()) await this.queue.enqueue(JobName.DELIVER_OUTBOX, id);
    } catch (err) {
      this.log.error(err);
    } finally {
      this.ticking = false;
    }
  }
}
