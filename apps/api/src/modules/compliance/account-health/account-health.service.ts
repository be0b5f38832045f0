import { Injectable, Logger } from '@nestjs/common';
import { channelProfile } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import { AppError, ErrorCode } from 'src/common/errors/app-error';
import type { ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import { ChannelAccountsService } from 'src/modules/channels/channel-accounts.service';
import { ChannelAdaptersService } from 'src/modules/channels/channel-adapters.service';
import { ChannelError } from 'src/modules/channels/channel-error';
import type { AccountHealthReader } from './account-health-reader';
import { AccountHealthRepository, type StoredAccountHealth } from './account-health.repository';

/** A report older than this is fetched again by the schedule: Amazon updates account health daily. */
export const ACCOUNT_HEALTH_MAX_AGE_MS = 24 * 3_600_000;

/**
 * The channel's own account health (Amazon's Seller Performance report): fetched through the account's adapter
 * on demand and daily, stored per fetch, and served beside the hub's own metrics. Channels whose profile has no
 * account health report have none (null), whatever their name.
 */
@Injectable()
export class AccountHealthService {
  private readonly log = new Logger('AccountHealthService');

  constructor(
    private readonly repository: AccountHealthRepository,
    private readonly accounts: ChannelAccountsService,
    private readonly adapters: ChannelAdaptersService,
  ) {}

  static publishes(channel: Channel): boolean {
    return channelProfile(channel).accountHealthReport;
  }

  /** The newest report of each account in scope; null when the channel publishes none. */
  async latest(channel: Channel, accountId: string | null): Promise<StoredAccountHealth[] | null> {
    if (!AccountHealthService.publishes(channel)) return null;
    const ids = accountId
      ? [accountId]
      : (await this.accounts.list()).filter((a) => a.channel === channel).map((a) => a.id);
    return this.repository.latest(ids);
  }

  /** Fetches the account's report now and stores it; a channel failure is told in words, never swallowed. */
  async refresh(accountId: string, now = new Date()): Promise<StoredAccountHealth> {
    const account = await this.accounts.get(accountId);
    if (!AccountHealthService.publishes(account.channel))
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `accountId: ${channelProfile(account.channel).label} publishes no account health report; only its own metrics are measured.`,
        { field: 'accountId' },
      );
    if (account.disabledAt)
      throw new AppError(
        ErrorCode.CONFLICT,
        `The account ${account.name} is disabled; enable it to fetch its account health.`,
      );
    return this.fetchAndStore(account, now);
  }

  /** The schedule's pass: every enabled account whose newest report is older than a day (or missing). */
  async refreshDue(now = new Date()): Promise<number> {
    const due = (await this.accounts.list()).filter((a) => !a.disabledAt && AccountHealthService.publishes(a.channel));
    const latest = new Map((await this.repository.latest(due.map((a) => a.id))).map((r) => [r.accountId, r]));
    let fetched = 0;
    for (const account of due) {
      const last = latest.get(account.id);
      if (last && now.getTime() - last.fetchedAt.getTime() < ACCOUNT_HEALTH_MAX_AGE_MS) continue;
      try {
        await this.fetchAndStore(account, now);
        fetched += 1;
      } catch (err) {
        this.log.warn(
          `Account health of ${account.name} not fetched: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    }
    return fetched;
  }

  private async fetchAndStore(account: ChannelAccountEntity, now: Date): Promise<StoredAccountHealth> {
    const adapter = (await this.adapters.forAccount(account)) as unknown as Partial<AccountHealthReader>;
    if (!adapter.accountHealth)
      throw new AppError(ErrorCode.INTERNAL, `The ${account.channel} adapter cannot read account health.`);
    let fetched: Awaited<ReturnType<AccountHealthReader['accountHealth']['fetch']>>;
    try {
      fetched = await adapter.accountHealth.fetch();
    } catch (err) {
      if (!(err instanceof ChannelError)) throw err;
      throw new AppError(
        ErrorCode.CONFLICT,
        `${channelProfile(account.channel).label} did not give the account health report of ${account.name}: ${err.message}`,
        { channelErrorKind: err.kind },
      );
    }
    await this.repository.insert(account.id, now, fetched.snapshot, fetched.document);
    return { ...fetched.snapshot, accountId: account.id, fetchedAt: now };
  }
}
