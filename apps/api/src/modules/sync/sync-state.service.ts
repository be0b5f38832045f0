import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { AccountSyncStateEntity } from './account-sync-state.entity';

/** How long a pull holds its account; it renews the lease after every page. */
export const LEASE_MS = 10 * 60_000;

@Injectable()
export class SyncStateService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly accounts: ChannelAccountRepository,
  ) {}

  private get repo() {
    return this.ds.getRepository(AccountSyncStateEntity);
  }

  byAccountIds(ids: readonly string[]): Promise<AccountSyncStateEntity[]> {
    return this.repo.find({ where: { accountId: In([...ids]) } });
  }

  async get(accountId: string): Promise<AccountSyncStateEntity> {
    await this.repo.createQueryBuilder().insert().values({ accountId }).orIgnore().execute();
    return this.repo.findOneByOrFail({ accountId });
  }

  /** Enabled accounts whose next pull is due (or that never pulled). */
  async dueAccountIds(now: Date): Promise<string[]> {
    const enabled = await this.accounts.enabledIds();
    if (enabled.length === 0) return [];
    const rows: { id: string }[] = await this.ds.query(
      `SELECT a.id FROM unnest($2::uuid[]) AS a(id) LEFT JOIN account_sync_state s ON s.account_id = a.id
        WHERE (s.account_id IS NULL OR s.next_run_at IS NULL OR s.next_run_at <= $1)
          AND (s.locked_until IS NULL OR s.locked_until < $1)`,
      [now, enabled],
    );
    return rows.map((r) => r.id);
  }

  /** Takes the account for one pull; null when another pull holds it. At most one runs per account. */
  async acquire(accountId: string, now: Date): Promise<AccountSyncStateEntity | null> {
    await this.get(accountId);
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ lockedUntil: new Date(now.getTime() + LEASE_MS), lastStartedAt: now })
      .where('account_id = :accountId AND (locked_until IS NULL OR locked_until < :now)', { accountId, now })
      .returning('*')
      .execute();
    if (!result.affected) return null;
    return this.repo.findOneByOrFail({ accountId });
  }

  async save(accountId: string, changes: Partial<AccountSyncStateEntity>): Promise<void> {
    await this.repo.update({ accountId }, changes);
  }

  /** Asks for a pull as soon as the scheduler looks. */
  async requestNow(accountId: string, now: Date): Promise<void> {
    await this.get(accountId);
    await this.repo.update({ accountId }, { nextRunAt: now });
  }
}
