import { Injectable } from '@nestjs/common';
import type { ChannelPushEvent } from '@order-hub/types';
import { JobName } from 'src/modules/jobs/job-name';
import { JobQueue } from 'src/modules/jobs/job-queue';
import { McfPushes } from 'src/modules/mcf/mcf-pushes.service';
import { PushLedger } from 'src/modules/push/ledger/push-ledger.service';
import { FetchPushedOrderJob } from './fetch-pushed-order.job';

/** A channel's read of the order failed in a way worth retrying: the queue message is to come back. */
export class PushFetchPendingError extends Error {
  constructor(readonly pending: number) {
    super(`${pending} pushed order(s) could not be read yet; the delivery is to be retried`);
    this.name = 'PushFetchPendingError';
  }
}

/**
 * Where received pushes go: each is recorded once (by channel event id); the orders they name are read by the
 * fetch job, an MCF status change makes its MCF order poll now, a test is only recorded.
 */
@Injectable()
export class PushInbox {
  constructor(
    private readonly ledger: PushLedger,
    private readonly queue: JobQueue,
    private readonly fetchJob: FetchPushedOrderJob,
    private readonly mcfPushes: McfPushes,
  ) {}

  /** Records the events and hands their orders to the job queue. Returns how many events were new. */
  async accept(accountId: string, events: ChannelPushEvent[], now: Date): Promise<number> {
    const fresh = await this.ledger.record(accountId, events, now);
    for (const { id, event } of fresh) {
      if (event.kind === 'MCF_STATUS') await this.mcfStatus(accountId, id, event, now);
      else if (event.kind !== 'TEST') await this.queue.enqueue(JobName.FETCH_PUSHED_ORDER, id);
    }
    return fresh.length;
  }

  /**
   * The same for a queue message, but returns only once every order it names was read and stored (also for events
   * recorded by an earlier delivery of the message and still PENDING), so the message can then be deleted. Throws
   * PushFetchPendingError when a read failed retryably: the message is to come back after its visibility timeout.
   */
  async acceptQueued(accountId: string, events: ChannelPushEvent[], now: Date): Promise<number> {
    const fresh = await this.ledger.record(accountId, events, now);
    for (const { id, event } of fresh) if (event.kind === 'MCF_STATUS') await this.mcfStatus(accountId, id, event, now);
    const pending = await this.ledger.pendingOf(
      accountId,
      events.map((e) => e.eventId),
    );
    let stillPending = 0;
    for (const { id } of pending) if ((await this.fetchJob.fetch(id, false)) === 'PENDING') stillPending += 1;
    if (stillPending > 0) throw new PushFetchPendingError(stillPending);
    return fresh.length;
  }

  private async mcfStatus(accountId: string, id: string, event: ChannelPushEvent, now: Date): Promise<void> {
    const polled = event.mcfOrderId ? await this.mcfPushes.statusChanged(accountId, event.mcfOrderId) : false;
    await this.ledger.settle(
      id,
      'STORED',
      polled ? null : 'No MCF order of the account is being tracked under this id.',
      now,
    );
  }
}
