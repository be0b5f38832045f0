import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SandboxClock } from '../clock';

/** The AWS account number in every sandbox queue's URL and ARN. */
export const SQS_ACCOUNT_NUMBER = '000000000000';
export const SQS_REGION = 'us-east-1';
/** SQS's defaults and limits (AWS SQS Developer Guide, "Quotas"). */
const DEFAULT_VISIBILITY_SECONDS = 30;
const MAX_VISIBILITY_SECONDS = 43_200;
const MAX_WAIT_SECONDS = 20;
const MAX_MESSAGES_PER_RECEIVE = 10;
const MAX_BODY_BYTES = 262_144;
const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;
/** How often a waiting long poll looks again for a message whose visibility timeout ran out. */
const RECHECK_MS = 100;

export class SqsError extends Error {
  constructor(
    readonly status: number,
    /** The JSON protocol's error shape name (`__type` = com.amazonaws.sqs#<type>). */
    readonly type: string,
    /** The query protocol's code the SDK reads from `x-amzn-query-error` (AWS.SimpleQueueService.NonExistentQueue). */
    readonly queryCode: string,
    message: string,
  ) {
    super(message);
  }
}

export const invalidParameter = (message: string) =>
  new SqsError(400, 'InvalidParameterValue', 'InvalidParameterValue', message);
const missingParameter = (message: string) => new SqsError(400, 'MissingParameter', 'MissingParameter', message);
const nonExistentQueue = () =>
  new SqsError(
    400,
    'QueueDoesNotExist',
    'AWS.SimpleQueueService.NonExistentQueue',
    'The specified queue does not exist.',
  );
const receiptHandleInvalid = (handle: string) =>
  new SqsError(404, 'ReceiptHandleIsInvalid', 'ReceiptHandleIsInvalid', `The receipt handle "${handle}" is not valid.`);

interface SqsMessage {
  messageId: string;
  body: string;
  md5: string;
  /** Sandbox clock. */
  sentAt: number;
  /** Sandbox clock: a delayed message (a notification held back 24 h) becomes receivable then. */
  availableAt: number;
  receiveCount: number;
  firstReceivedAt: number | null;
  receiptHandle: string | null;
  /** Received and not yet visible again: until either clock reaches its deadline. */
  invisible: { untilClock: number; untilReal: number } | null;
}

export interface ReceivedMessage {
  MessageId: string;
  ReceiptHandle: string;
  MD5OfBody: string;
  Body: string;
  Attributes?: Record<string, string>;
}

const md5 = (body: string) => createHash('md5').update(body, 'utf8').digest('hex');

/**
 * One standard queue. Visibility rule: a received message is visible again as soon as EITHER the sandbox clock OR
 * real time has moved on by its visibility timeout. Long polling waits in real time, so with a fixed sandbox clock
 * real time brings messages back (use a short VisibilityTimeout), and advancing the sandbox clock brings them back
 * at once. Delivery delays (the 24 h fault) follow the sandbox clock only.
 */
export class SqsQueue {
  readonly messages: SqsMessage[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly name: string,
    readonly url: string,
    readonly arn: string,
    readonly createdAt: number,
    public visibilitySeconds: number,
  ) {}

  wake(): void {
    for (const waiter of this.waiters) waiter();
  }

  /** Waits until something may have changed, at most `ms`. */
  waitChange(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  visible(m: SqsMessage, clockNow: number, realNow: number): boolean {
    if (m.availableAt > clockNow) return false;
    return !m.invisible || m.invisible.untilClock <= clockNow || m.invisible.untilReal <= realNow;
  }

  counts(clockNow: number): { visible: number; notVisible: number; delayed: number } {
    const realNow = Date.now();
    let visible = 0;
    let delayed = 0;
    for (const m of this.messages) {
      if (m.availableAt > clockNow) delayed += 1;
      else if (this.visible(m, clockNow, realNow)) visible += 1;
    }
    return { visible, notVisible: this.messages.length - visible - delayed, delayed };
  }
}

export interface ReceiveRequest {
  max: number;
  waitSeconds: number;
  visibilitySeconds: number | undefined;
  attributeNames: string[];
  /** Ends the wait early (the client went away or the sandbox closes). */
  signal: AbortSignal;
}

/** The sandbox's SQS: standard queues in memory (not in the snapshot: a restarted sandbox starts with none). */
export class SqsService {
  private readonly queues = new Map<string, SqsQueue>();
  private readonly closing = new AbortController();

  constructor(
    private readonly clock: SandboxClock,
    private baseUrl = '',
  ) {}

  setBaseUrl(baseUrl: string): void {
    this.baseUrl = baseUrl;
  }

  close(): void {
    this.closing.abort();
    for (const q of this.queues.values()) q.wake();
  }

  clockNow(): number {
    return this.clock.now();
  }

  createQueue(name: string, attributes: Record<string, string> = {}): SqsQueue {
    if (!QUEUE_NAME.test(name))
      throw invalidParameter('Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
    const visibility = attributes.VisibilityTimeout === undefined ? undefined : Number(attributes.VisibilityTimeout);
    if (
      visibility !== undefined &&
      !(Number.isInteger(visibility) && visibility >= 0 && visibility <= MAX_VISIBILITY_SECONDS)
    )
      throw invalidParameter(`Invalid value for the parameter VisibilityTimeout: 0 to ${MAX_VISIBILITY_SECONDS}`);
    const existing = this.queues.get(name);
    if (existing) {
      if (visibility !== undefined && visibility !== existing.visibilitySeconds)
        throw new SqsError(
          400,
          'QueueNameExists',
          'QueueAlreadyExists',
          'A queue already exists with the same name and a different value for attribute VisibilityTimeout',
        );
      return existing;
    }
    const queue = new SqsQueue(
      name,
      `${this.baseUrl}/sqs/${SQS_ACCOUNT_NUMBER}/${name}`,
      `arn:aws:sqs:${SQS_REGION}:${SQS_ACCOUNT_NUMBER}:${name}`,
      this.clock.now(),
      visibility ?? DEFAULT_VISIBILITY_SECONDS,
    );
    this.queues.set(name, queue);
    return queue;
  }

  byName(name: string): SqsQueue {
    const queue = this.queues.get(name);
    if (!queue) throw nonExistentQueue();
    return queue;
  }

  /** The queue a QueueUrl names: `<anything>/<accountNumber>/<name>`. */
  byUrl(url: unknown): SqsQueue {
    if (typeof url !== 'string' || url === '')
      throw missingParameter('The request must contain the parameter QueueUrl.');
    const match = /\/(\d{12})\/([^/?#]+)\/?$/.exec(url);
    if (!match || match[1] !== SQS_ACCOUNT_NUMBER) throw nonExistentQueue();
    return this.byName(match[2]);
  }

  /** The queue an SQS ARN names, or null (Amazon's notifications go nowhere). */
  byArn(arn: string): SqsQueue | null {
    for (const q of this.queues.values()) if (q.arn === arn) return q;
    return null;
  }

  send(queue: SqsQueue, body: unknown, delayMs = 0): { MessageId: string; MD5OfMessageBody: string } {
    if (typeof body !== 'string' || body === '')
      throw missingParameter('The request must contain the parameter MessageBody.');
    if (Buffer.byteLength(body) > MAX_BODY_BYTES)
      throw invalidParameter(
        `One or more parameters are invalid. Reason: Message must be shorter than ${MAX_BODY_BYTES} bytes.`,
      );
    const now = this.clock.now();
    const message: SqsMessage = {
      messageId: randomUUID(),
      body,
      md5: md5(body),
      sentAt: now,
      availableAt: now + delayMs,
      receiveCount: 0,
      firstReceivedAt: null,
      receiptHandle: null,
      invisible: null,
    };
    queue.messages.push(message);
    queue.wake();
    return { MessageId: message.messageId, MD5OfMessageBody: message.md5 };
  }

  /** Long polls up to `waitSeconds` (real time) and answers as soon as at least one message is visible. */
  async receive(queue: SqsQueue, request: ReceiveRequest): Promise<ReceivedMessage[]> {
    if (!Number.isInteger(request.max) || request.max < 1 || request.max > MAX_MESSAGES_PER_RECEIVE)
      throw invalidParameter(
        `Value ${request.max} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and ${MAX_MESSAGES_PER_RECEIVE}, if provided.`,
      );
    if (!Number.isInteger(request.waitSeconds) || request.waitSeconds < 0 || request.waitSeconds > MAX_WAIT_SECONDS)
      throw invalidParameter(
        `Value ${request.waitSeconds} for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= ${MAX_WAIT_SECONDS}, if provided.`,
      );
    const visibility = request.visibilitySeconds ?? queue.visibilitySeconds;
    if (!Number.isInteger(visibility) || visibility < 0 || visibility > MAX_VISIBILITY_SECONDS)
      throw invalidParameter(`Value ${visibility} for parameter VisibilityTimeout is invalid.`);
    const deadline = Date.now() + request.waitSeconds * 1000;
    for (;;) {
      const taken = this.take(queue, request.max, visibility, request.attributeNames);
      const remaining = deadline - Date.now();
      if (taken.length > 0 || remaining <= 0 || request.signal.aborted || this.closing.signal.aborted) return taken;
      await queue.waitChange(Math.min(remaining, RECHECK_MS));
    }
  }

  private take(queue: SqsQueue, max: number, visibilitySeconds: number, attributeNames: string[]): ReceivedMessage[] {
    const clockNow = this.clock.now();
    const realNow = Date.now();
    const all = attributeNames.includes('All');
    const out: ReceivedMessage[] = [];
    for (const m of queue.messages) {
      if (out.length >= max) break;
      if (!queue.visible(m, clockNow, realNow)) continue;
      m.receiveCount += 1;
      m.firstReceivedAt ??= clockNow;
      m.receiptHandle = `${m.messageId}#${randomBytes(16).toString('base64url')}`;
      m.invisible = { untilClock: clockNow + visibilitySeconds * 1000, untilReal: realNow + visibilitySeconds * 1000 };
      const attributes: Record<string, string> = {};
      const wants = (name: string) => all || attributeNames.includes(name);
      if (wants('ApproximateReceiveCount')) attributes.ApproximateReceiveCount = String(m.receiveCount);
      if (wants('SentTimestamp')) attributes.SentTimestamp = String(m.sentAt);
      if (wants('ApproximateFirstReceiveTimestamp'))
        attributes.ApproximateFirstReceiveTimestamp = String(m.firstReceivedAt);
      out.push({
        MessageId: m.messageId,
        ReceiptHandle: m.receiptHandle,
        MD5OfBody: m.md5,
        Body: m.body,
        ...(Object.keys(attributes).length > 0 ? { Attributes: attributes } : {}),
      });
    }
    return out;
  }

  private byHandle(queue: SqsQueue, handle: unknown): number {
    if (typeof handle !== 'string' || handle === '')
      throw missingParameter('The request must contain the parameter ReceiptHandle.');
    const messageId = handle.split('#')[0];
    if (!handle.includes('#') || messageId === '') throw receiptHandleInvalid(handle);
    return queue.messages.findIndex((m) => m.messageId === messageId && m.receiptHandle === handle);
  }

  /** Deleting an already deleted message (or with an older receipt handle) succeeds, as in SQS. */
  delete(queue: SqsQueue, handle: unknown): void {
    const index = this.byHandle(queue, handle);
    if (index >= 0) queue.messages.splice(index, 1);
  }

  changeVisibility(queue: SqsQueue, handle: unknown, seconds: unknown): void {
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0 || seconds > MAX_VISIBILITY_SECONDS)
      throw invalidParameter(`Value ${String(seconds)} for parameter VisibilityTimeout is invalid.`);
    const index = this.byHandle(queue, handle);
    const message = queue.messages[index];
    if (!message?.invisible)
      throw new SqsError(
        400,
        'MessageNotInflight',
        'AWS.SimpleQueueService.MessageNotInflight',
        'Message is not in flight.',
      );
    const clockNow = this.clock.now();
    message.invisible = { untilClock: clockNow + seconds * 1000, untilReal: Date.now() + seconds * 1000 };
    if (seconds === 0) queue.wake();
  }
}
