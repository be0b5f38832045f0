import { Injectable, Logger } from '@nestjs/common';
import { channelProfile } from '@order-hub/rules';
import { ConflictError, NotFoundError } from 'src/common/errors/app-error';
import type { ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { ChannelAdaptersService } from 'src/modules/channels/channel-adapters.service';
import type { ChangeWindow } from 'src/modules/channels/channel-adapter';
import { ChannelError } from 'src/modules/channels/channel-error';
import type { ReturnsReader } from 'src/modules/channels/returns-reader';
import { LeaseHolder } from 'src/modules/jobs/lease-holder';
import type { ReturnSyncStateEntity } from './return-sync-state.entity';
import { ReturnSyncStateRepository } from './return-sync-state.repository';
import { ReturnsService } from './returns.service';

/** The overlap an incremental pull re-reads before its watermark (changes the channel dated late). */
export const RETURNS_OVERLAP_MS = 10 * 60_000;
/** How long a pull holds its account; a report's polling ends (timeout) well within it. */
const LEASE_MS = 15 * 60_000;
const MAX_BACKOFF_MINUTES = 60;
/** The first pull of a channel read incrementally goes this far back. */
const FIRST_PULL_DAYS = 60;

export type ReturnsPullOutcome = 'DONE' | 'FAILED' | 'BUSY' | 'DISABLED' | 'UNSUPPORTED';

/**
 * Pulls an account's returns through its adapter's `returns` reader: from the watermark (minus an overlap) for
 * channels read incrementally, or the profile's lookback for report channels. Each page is imported in its own
 * transaction, and the watermark moves only once every page is in; a failure backs off 1, 2, 4 … 60 minutes with the
 * channel's words in `last_error`, the failed page imported not at all.
 */
@Injectable()
export class ReturnsSyncService {
  private readonly log = new Logger('ReturnsSync');

  constructor(
    private readonly states: ReturnSyncStateRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly adapters: ChannelAdaptersService,
    private readonly returns: ReturnsService,
    private readonly holder: LeaseHolder,
  ) {}

  state(accountId: string): Promise<ReturnSyncStateEntity> {
    return this.states.get(accountId);
  }

  /** The schedule's pass: every enabled account whose next pull is due, one at a time. */
  async runDue(now = new Date()): Promise<number> {
    const enabled = await this.accounts.listEnabled();
    let ran = 0;
    for (const id of await this.states.dueAmong(
      enabled.map((a) => a.id),
      now,
    )) {
      const outcome = await this.pull(
        enabled.find((a) => a.id === id)!,
        new Date(),
      );
      if (outcome === 'DONE' || outcome === 'FAILED') ran += 1;
    }
    return ran;
  }

  /** Pulls the account now (an operator's refresh); a channel failure is told in words, never swallowed. */
  async refreshNow(accountId: string): Promise<ReturnSyncStateEntity> {
    const account = await this.accounts.findById(accountId);
    if (!account) throw new NotFoundError('Channel account', accountId);
    if (account.disabledAt)
      throw new ConflictError(`Channel account ${account.name} is disabled: enable it before reading its returns.`);
    const outcome = await this.pull(account, new Date());
    const state = await this.states.get(accountId);
    if (outcome === 'FAILED') throw new ConflictError(state.lastError ?? 'The returns could not be read.');
    return state;
  }

  async pull(account: ChannelAccountEntity, now: Date): Promise<ReturnsPullOutcome> {
    if (account.disabledAt) return 'DISABLED';
    const state = await this.states.claim(account.id, this.holder.id, now, new Date(now.getTime() + LEASE_MS));
    if (!state) return 'BUSY';
    const profile = channelProfile(account.channel);
    const lookback = profile.returns.lookbackDays;
    const window: ChangeWindow = {
      changedAfter:
        lookback !== null
          ? new Date(now.getTime() - lookback * 86_400_000)
          : state.watermark
            ? new Date(state.watermark.getTime() - RETURNS_OVERLAP_MS)
            : new Date(now.getTime() - FIRST_PULL_DAYS * 86_400_000),
      changedBefore: null,
    };
    let imported = 0;
    let updated = 0;
    const rejected: ReturnSyncStateEntity['rejected'] = [];
    try {
      const adapter = (await this.adapters.forAccount(account)) as unknown as Partial<ReturnsReader>;
      if (!adapter.returns) {
        await this.states.release(account.id, this.holder.id, {
          nextRunAt: new Date(now.getTime() + profile.returns.refreshEveryMinutes * 60_000),
        });
        return 'UNSUPPORTED';
      }
      let cursor: string | null = null;
      const ends: Date[] = [];
      do {
        const page = await adapter.returns.list(window, cursor);
        // Later pages keep the bound the channel applied to the first.
        window.changedBefore ??= page.windowEnd;
        ends.push(page.windowEnd);
        const result = await this.returns.importPage(account, page, new Date());
        imported += result.imported;
        updated += result.updated;
        rejected.push(...result.rejected);
        cursor = page.nextCursor;
      } while (cursor);
      await this.states.release(account.id, this.holder.id, {
        // The earliest bound any page applied: nothing after it is known to be in.
        watermark: ends.length ? new Date(Math.min(...ends.map((d) => d.getTime()))) : now,
        lastSuccessAt: new Date(),
        lastError: rejected.length
          ? `${rejected.length} return(s) could not be read and were set aside: ${rejected
              .slice(0, 3)
              .map((r) => `${r.channelReturnId ?? 'unnamed'}: ${r.reason}`)
              .join('; ')}`
          : null,
        lastErrorAt: rejected.length ? new Date() : null,
        attempts: 0,
        returnsImported: state.returnsImported + imported,
        returnsUpdated: state.returnsUpdated + updated,
        rejected: rejected.slice(0, 20),
        nextRunAt: new Date(Date.now() + profile.returns.refreshEveryMinutes * 60_000),
      });
      return 'DONE';
    } catch (err) {
      const attempts = state.attempts + 1;
      const backoffMinutes = Math.min(MAX_BACKOFF_MINUTES, 2 ** (attempts - 1));
      const words =
        err instanceof ChannelError
          ? `${profile.label} did not give the returns of ${account.name}: ${err.message}`
          : `The returns of ${account.name} could not be imported: an unexpected failure in the hub (its log has the details)`;
      if (!(err instanceof ChannelError))
        this.log.error(
          `Returns pull of account ${account.id} failed: ${String((err as Error)?.message).slice(0, 300)}`,
        );
      await this.states.release(account.id, this.holder.id, {
        attempts,
        lastError: `${words} (attempt ${attempts}; next try in ${backoffMinutes} min)`,
        lastErrorAt: new Date(),
        returnsImported: state.returnsImported + imported,
        returnsUpdated: state.returnsUpdated + updated,
        nextRunAt: new Date(Date.now() + backoffMinutes * 60_000),
      });
      return 'FAILED';
    }
  }
}
