import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { PushSubscriptionRef, PushTarget } from 'src/modules/channels/channel-push';
import { AppError, BadUserInputError, ConflictError, ErrorCode } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { AuditService } from 'src/modules/audit/audit.service';
import type { ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import { ChannelAccountsService } from 'src/modules/channels/channel-accounts.service';
import { ChannelAdaptersService } from 'src/modules/channels/channel-adapters.service';
import { ChannelError } from 'src/modules/channels/channel-error';
import { channelDescriptor } from 'src/modules/channels/channel-registry';
import { PushLedger, type SubscriptionPatch } from 'src/modules/push/ledger/push-ledger.service';
import type { PushSubscriptionEntity } from 'src/modules/push/ledger/push-subscription.entity';

/** Whether the account's channel can push to this hub as configured. */
export interface PushAvailability {
  transport: 'WEBHOOK' | 'QUEUE';
  available: boolean;
  /** The setting that is missing, and why it matters, in words. */
  unavailableReason: string | null;
  /** The setting's name, for BAD_USER_INPUT. */
  setting: string | null;
  webhookUrl: string | null;
}

/**
 * Subscribing an account to its channel's order pushes, removing the subscription and asking the channel for a
 * test event. A channel's refusal is kept on the subscription (last error) and returned as CHANNEL_ERROR.
 */
@Injectable()
export class PushSubscriptionsService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly accounts: ChannelAccountsService,
    private readonly adapters: ChannelAdaptersService,
    private readonly ledger: PushLedger,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** Null when the account's channel has no pushes. */
  availability(account: Pick<ChannelAccountEntity, 'id' | 'channel'>): PushAvailability | null {
    const push = channelDescriptor(account.channel).push;
    if (!push) return null;
    if (push.transport === 'WEBHOOK') {
      const base = this.config.publicUrl;
      return {
        transport: 'WEBHOOK',
        available: base !== null,
        unavailableReason: base
          ? null
          : 'PUBLIC_URL is not set: the channel needs the address at which it can reach this hub to deliver webhooks.',
        setting: base ? null : 'PUBLIC_URL',
        webhookUrl: base ? `${base}/push/${account.id}` : null,
      };
    }
    const queue = this.config.pushQueue;
    const ready = !!queue?.url && !!queue.arn;
    return {
      transport: 'QUEUE',
      available: ready,
      unavailableReason: ready
        ? null
        : 'PUSH_QUEUE_URL and PUSH_QUEUE_ARN are not set: the channel needs a queue to send notifications to, and the hub reads them from it.',
      setting: ready ? null : 'PUSH_QUEUE_URL',
      webhookUrl: null,
    };
  }

  async subscribe(accountId: string, actor: string): Promise<void> {
    const { account, client, availability } = await this.pushable(accountId);
    const secret = randomBytes(32).toString('hex');
    const target = this.target(availability, secret);
    // The secret is stored first: a channel may deliver its first (test) event before subscribe returns.
    await this.ledger.saveSubscription(accountId, { secret });
    const ref = await this.channelCall(accountId, 'subscribe', () => client.subscribe(target), true);
    await this.save(account, actor, 'push.subscribed', {
      state: 'ACTIVE',
      subscriptionIds: ref.subscriptionIds,
      destinationId: ref.destinationId,
      accountKey: ref.accountKey,
      subscribedAt: new Date(),
      subscribedBy: actor,
      lastError: null,
      lastErrorAt: null,
    });
  }

  async unsubscribe(accountId: string, actor: string): Promise<void> {
    const { account, client } = await this.pushable(accountId, false);
    const sub = await this.ledger.subscription(accountId);
    if (!sub || sub.state === 'OFF') return;
    await this.channelCall(accountId, 'unsubscribe', () => client.unsubscribe(refOf(sub)), false);
    await this.save(account, actor, 'push.unsubscribed', {
      state: 'OFF',
      subscriptionIds: [],
      destinationId: null,
      accountKey: null,
      secret: null,
      lastError: null,
      lastErrorAt: null,
    });
  }

  async sendTest(accountId: string, actor: string): Promise<void> {
    const { account, client, availability } = await this.pushable(accountId);
    const sub = await this.ledger.subscription(accountId);
    if (sub?.state !== 'ACTIVE')
      throw new ConflictError(`Pushes of ${account.name} are not on: subscribe before sending a test event.`);
    const target = this.target(availability, (await this.ledger.webhookSecret(accountId)) ?? '');
    await this.channelCall(accountId, 'sendTest', () => client.sendTest(refOf(sub), target), false);
    await this.save(account, actor, 'push.test_sent', { lastTestAt: new Date() });
  }

  private async pushable(accountId: string, needAvailable = true) {
    const account = await this.accounts.get(accountId);
    if (account.disabledAt) throw new ConflictError(`Channel account ${account.name} is disabled: enable it first.`);
    const availability = this.availability(account);
    const client = availability ? (await this.adapters.forAccount(account)).push : undefined;
    if (!availability || !client)
      throw new BadUserInputError('accountId', `${account.channel} accounts have no order pushes.`);
    if (needAvailable && !availability.available)
      throw new BadUserInputError(availability.setting!, availability.unavailableReason!);
    return { account, client, availability };
  }

  private target(availability: PushAvailability, secret: string): PushTarget {
    return {
      webhookUrl: availability.webhookUrl ?? '',
      webhookSecret: secret,
      queueArn: this.config.pushQueue?.arn ?? null,
    };
  }

  /** Runs the channel call; a refusal is kept as the last error (a failed subscribe also sets FAILED). */
  private async channelCall<T>(
    accountId: string,
    what: string,
    call: () => Promise<T>,
    failState: boolean,
  ): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof ChannelError)) throw err;
      const words = err.summary();
      await this.ledger.saveSubscription(accountId, {
        ...(failState ? { state: 'FAILED' as const } : {}),
        lastError: words,
        lastErrorAt: new Date(),
      });
      throw new AppError(ErrorCode.CHANNEL_ERROR, `The channel refused ${what}: ${words}`);
    }
  }

  private save(account: ChannelAccountEntity, actor: string, action: string, patch: SubscriptionPatch) {
    return this.tx.run(async (em) => {
      await this.ledger.saveSubscription(account.id, patch, em);
      const { secret, ...after } = patch;
      await this.audit.record(em, {
        actor,
        action,
        entityType: 'channel_account',
        entityId: account.id,
        after: { ...after, ...(secret ? { secretRotated: true } : {}) },
      });
    });
  }
}

function refOf(sub: PushSubscriptionEntity): PushSubscriptionRef {
  return { subscriptionIds: sub.subscriptionIds, destinationId: sub.destinationId, accountKey: sub.accountKey };
}
