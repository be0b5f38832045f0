import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { PushEventOutcome } from '@order-hub/types';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { ChannelAdaptersService } from 'src/modules/channels/channel-adapters.service';
import { ChannelError } from 'src/modules/channels/channel-error';
import { JobHandlers, type JobHandler } from 'src/modules/jobs/job-handlers';
import { JobName } from 'src/modules/jobs/job-name';
import { JobQueue } from 'src/modules/jobs/job-queue';
import { PushLedger } from 'src/modules/push/ledger/push-ledger.service';
import { ImportFollowUps } from 'src/modules/sync/import-follow-ups';
import { PageImport, withoutValues } from 'src/modules/sync/jobs/page-import';

export const PUSH_ACTOR = 'system:order-push';
/** A retryable read is tried again after 2^attempts seconds, at most this long; the sweep catches a lost retry. */
const MAX_BACKOFF_MS = 60_000;
/** After this many retryable failures the push is FAILED: the next poll reconciles its order anyway. */
const MAX_ATTEMPTS = 10;

/**
 * `fetch-pushed-order` for one push_event: reads the order the push named from the channel (the push is only a
 * signal) and imports it like a pulled one, with the same follow-ups. A channel that says the order does not exist
 * gets NOT_FOUND and no order; a retryable channel error leaves the push PENDING for a retry with backoff.
 */
@Injectable()
export class FetchPushedOrderJob implements JobHandler, OnModuleInit {
  readonly jobName = JobName.FETCH_PUSHED_ORDER;
  private readonly log = new Logger('FetchPushedOrder');

  constructor(
    private readonly ledger: PushLedger,
    private readonly accounts: ChannelAccountRepository,
    private readonly adapters: ChannelAdaptersService,
    private readonly pageImport: PageImport,
    private readonly followUps: ImportFollowUps,
    private readonly handlers: JobHandlers,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  handle(id: string): Promise<PushEventOutcome | null> {
    return this.fetch(id, true);
  }

  /**
   * Reads and stores the push's order; returns the push's outcome (PENDING after a retryable failure), or null when
   * there is no such push. `retryLater`: schedule the retry here (the queue consumer relies on its message instead).
   */
  async fetch(id: string, retryLater: boolean): Promise<PushEventOutcome | null> {
    const event = await this.ledger.event(id);
    if (!event) return null;
    if (event.outcome !== 'PENDING') return event.outcome;
    const account = event.accountId ? await this.accounts.findById(event.accountId) : null;
    if (!account || account.disabledAt || !event.channelOrderId)
      return this.settle(
        id,
        'FAILED',
        !event.channelOrderId ? 'The push names no order.' : 'The account is gone or disabled.',
      );
    try {
      const adapter = await this.adapters.forAccount(account);
      const page = await adapter.fetchOrder(event.channelOrderId);
      if (!page) {
        if (await this.ledger.settle(id, 'NOT_FOUND', 'The channel says the order does not exist.', new Date()))
          this.log.warn(
            `Push ${event.eventId} of account ${account.id} names order ${event.channelOrderId}, which the channel does not have`,
          );
        return 'NOT_FOUND';
      }
      await this.pageImport.run(account, page, PUSH_ACTOR);
      await this.followUps.afterImport(account);
      if (page.orders.length === 0)
        return this.settle(id, 'FAILED', "The channel's copy of the order could not be read: it is in quarantine.");
      return this.settle(id, 'STORED', null);
    } catch (err) {
      if (err instanceof ChannelError && !err.retryable) return this.settle(id, 'FAILED', err.summary());
      const reason = err instanceof ChannelError ? err.summary() : `Storing the order failed: ${withoutValues(err)}`;
      const attempts = await this.ledger.failedAttempt(id, reason);
      if (attempts >= MAX_ATTEMPTS) return this.settle(id, 'FAILED', `${reason} (after ${attempts} attempts)`);
      if (retryLater) this.retryAfter(id, Math.min(1000 * 2 ** attempts, MAX_BACKOFF_MS));
      return 'PENDING';
    }
  }

  private async settle(id: string, outcome: PushEventOutcome, reason: string | null): Promise<PushEventOutcome> {
    await this.ledger.settle(id, outcome, reason, new Date());
    return outcome;
  }

  private retryAfter(id: string, ms: number): void {
    setTimeout(() => {
      this.queue
        .enqueue(JobName.FETCH_PUSHED_ORDER, id)
        .catch((err: unknown) => this.log.warn(`Re-queueing push ${id} failed: ${String(err)}`));
    }, ms).unref();
  }
}
