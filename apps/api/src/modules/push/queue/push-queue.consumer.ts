import { DeleteMessageCommand, type Message, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CHANNELS } from '@order-hub/types';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { type ParsedPush, PushParseError } from 'src/modules/channels/channel-push';
import { channelDescriptor } from 'src/modules/channels/channel-registry';
import { PushInbox } from 'src/modules/push/inbox/push-inbox.service';
import { PushLedger } from 'src/modules/push/ledger/push-ledger.service';

/** SQS's longest long poll and largest batch. */
const WAIT_SECONDS = 20;
const BATCH = 10;
/** After a failed receive (queue unreachable), wait this long before asking again. */
const RETRY_RECEIVE_MS = 5_000;

export type QueueMessageOutcome = 'ACCEPTED' | 'MALFORMED' | 'DEAD_LETTER' | 'RETRY';

/**
 * Reads the channels' notifications from the hub's queue (PUSH_QUEUE_URL): long polls, hands each message's events
 * to the push inbox, and deletes a message only once the orders it names are stored. A message that cannot be read
 * is moved aside with the reason (and deleted, so the queue keeps flowing); one whose orders cannot be read yet comes
 * back after its visibility timeout, and after PUSH_QUEUE_MAX_RECEIVES receipts is kept as a dead letter.
 * Runs where jobs run (not in the api processes when REDIS_URL is set), off with SYNC_ENABLED=false.
 */
@Injectable()
export class PushQueueConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('PushQueue');
  private readonly sqs: SQSClient | null;
  private readonly stop = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly http: HttpAdapterHost,
    private readonly inbox: PushInbox,
    private readonly ledger: PushLedger,
  ) {
    const queue = config.pushQueue;
    this.sqs = queue
      ? new SQSClient({ region: queue.region, ...(queue.endpoint ? { endpoint: queue.endpoint } : {}) })
      : null;
  }

  onApplicationBootstrap(): void {
    if (!this.sqs || !this.config.sync.enabled || (this.config.redisUrl && this.http.httpAdapter)) return;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.loop;
    this.sqs?.destroy();
  }

  /** One receive (waiting up to `waitSeconds` for a message) and every message it returned handled. */
  async drainOnce(waitSeconds = 0): Promise<QueueMessageOutcome[]> {
    const queue = this.config.pushQueue;
    if (!this.sqs || !queue) return [];
    const { Messages } = await this.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queue.url,
        MaxNumberOfMessages: BATCH,
        WaitTimeSeconds: waitSeconds,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      }),
      { abortSignal: this.stop.signal },
    );
    const outcomes: QueueMessageOutcome[] = [];
    for (const message of Messages ?? []) outcomes.push(await this.handle(message, queue.url, queue.maxReceives));
    return outcomes;
  }

  private async run(): Promise<void> {
    while (!this.stop.signal.aborted) {
      try {
        await this.drainOnce(WAIT_SECONDS);
      } catch (err) {
        if (this.stop.signal.aborted) return;
        this.log.error(`Receiving from the push queue failed: ${(err as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_RECEIVE_MS).unref());
      }
    }
  }

  private async handle(message: Message, queueUrl: string, maxReceives: number): Promise<QueueMessageOutcome> {
    const messageId = message.MessageId ?? 'unknown';
    const body = message.Body ?? '';
    const remove = () =>
      this.sqs!.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
    let parsed: ParsedPush;
    let json: unknown = body;
    try {
      json = JSON.parse(body);
      parsed = parse(json);
    } catch (err) {
      const reason = err instanceof PushParseError ? err.reason : 'the message body is not JSON';
      await this.ledger.recordMalformed(null, `malformed:${messageId}`, reason, json);
      await remove();
      return 'MALFORMED';
    }
    const accountId = parsed.accountKey ? await this.ledger.accountIdForKey(parsed.accountKey) : null;
    if (!accountId) {
      await this.ledger.recordMalformed(
        null,
        `malformed:${messageId}`,
        `no account has seller id ${parsed.accountKey}`,
        json,
      );
      await remove();
      return 'MALFORMED';
    }
    try {
      await this.inbox.acceptQueued(accountId, parsed.events, new Date());
    } catch (err) {
      const receipts = Number(message.Attributes?.ApproximateReceiveCount ?? 1);
      if (receipts < maxReceives) return 'RETRY';
      const reason = `failed ${receipts} times (PUSH_QUEUE_MAX_RECEIVES ${maxReceives}): ${(err as Error).message}`;
      await this.ledger.recordDeadLetter(accountId, `dead-letter:${messageId}`, reason, json);
      await remove();
      return 'DEAD_LETTER';
    }
    await remove();
    return 'ACCEPTED';
  }
}

/** Read by the channel(s) delivering through the queue; the first that can read the message wins. */
function parse(body: unknown): ParsedPush {
  const reasons: string[] = [];
  for (const channel of CHANNELS) {
    const push = channelDescriptor(channel).push;
    if (push?.transport !== 'QUEUE') continue;
    try {
      return push.parse(body);
    } catch (err) {
      if (!(err instanceof PushParseError)) throw err;
      reasons.push(err.reason);
    }
  }
  throw new PushParseError(reasons.join('; ') || 'no channel delivers through the queue');
}
