import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ReturnSyncStateEntity } from './return-sync-state.entity';

const FREE = { lockedUntil: null, leaseHolder: null } as const;

/**
 * return_sync_state and its lease: a pull claims its account with one atomic UPDATE … RETURNING, so two processes
 * never run the same account; a holder that died loses the account when its lease runs out.
 */
@Injectable()
export class ReturnSyncStateRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(ReturnSyncStateEntity);
  }

  byAccountIds(ids: readonly string[]): Promise<ReturnSyncStateEntity[]> {
    return ids.length ? this.repo.find({ where: { accountId: In([...ids]) } }) : Promise.resolve([]);
  }

  async get(accountId: string): Promise<ReturnSyncStateEntity> {
    await this.ensure([accountId]);
    return this.repo.findOneByOrFail({ accountId });
  }

  async ensure(accountIds: readonly string[]): Promise<void> {
    if (accountIds.length === 0) return;
    await this.ds.query(
      `INSERT INTO return_sync_state (account_id) SELECT unnest($1::uuid[]) ON CONFLICT (account_id) DO NOTHING`,
      [[...accountIds]],
    );
  }

  /** Of these accounts, the ones whose next pull is due and whose lease is free. */
  async dueAmong(accountIds: readonly string[], now: Date): Promise<string[]> {
    if (accountIds.length === 0) return [];
    await this.ensure(accountIds);
    const rows: { account_id: string }[] = await this.ds.query(
      `SELECT account_id FROM return_sync_state
        WHERE account_id = ANY($1::uuid[]) AND (next_run_at IS NULL OR next_run_at <= $2)
          AND (locked_until IS NULL OR locked_until < $2)
        ORDER BY next_run_at NULLS FIRST`,
      [[...accountIds], now],
    );
    return rows.map((r) => r.account_id);
  }

  /** Takes the account for one pull until `until`; null when a live holder has it. */
  async claim(accountId: string, holder: string, now: Date, until: Date): Promise<ReturnSyncStateEntity | null> {
    await this.ensure([accountId]);
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's postgres driver.
    const [rows]: [{ account_id: string }[], number] = await this.ds.query(
      `UPDATE return_sync_state SET locked_until = $3, lease_holder = $4, last_started_at = $2
        WHERE account_id = $1 AND (locked_until IS NULL OR locked_until < $2) RETURNING account_id`,
      [accountId, now, until, holder],
    );
    if (rows.length === 0) return null;
    return this.repo.findOneByOrFail({ accountId });
  }

  /** Saves the pull's outcome and gives the account back, if this holder still has it. */
  async release(accountId: string, holder: string, changes: Partial<ReturnSyncStateEntity>): Promise<boolean> {
    const result = await this.repo.update({ accountId, leaseHolder: holder }, { ...changes, ...FREE });
    return (result.affected ?? 0) > 0;
  }
}
