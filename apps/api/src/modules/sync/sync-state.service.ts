import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { InjectConfig } from 'src/config/app-config.token';
import type { AppConfig } from 'src/config/app-config';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { AccountSyncStateEntity } from './account-sync-state.entity';
import { LeaseHolder } from 'src/modules/jobs/lease-holder';

const FREE = { lockedUntil: null, leaseHolder: null, leaseHolderScope: null, leaseHeartbeatAt: null } as const;

/**
 * account_sync_state and its lease. A pull holds its account by a lease that names the holding process and lasts
 * SYNC_LEASE_SECONDS past the holder's last heartbeat (renewed every third of that while the pull runs). A lease is
 * free when released (a graceful stop releases all of a process's leases), when it has run out, or at once when its
 * holder is known to have stopped (same host and pid space, pid gone). Every write a pull makes is conditional on
 * still holding the lease, so a pull that lost it changes nothing.
 */
@Injectable()
export class SyncStateService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly accounts: ChannelAccountRepository,
    @InjectConfig() private readonly config: AppConfig,
    readonly holder: LeaseHolder,
  ) {}

  private get repo() {
    return this.ds.getRepository(AccountSyncStateEntity);
  }

  get leaseMs(): number {
    return this.config.sync.leaseMs;
  }

  /** How often a running pull renews its lease. */
  get heartbeatMs(): number {
    return Math.max(1000, Math.floor(this.config.sync.leaseMs / 3));
  }

  byAccountIds(ids: readonly string[]): Promise<AccountSyncStateEntity[]> {
    return this.repo.find({ where: { accountId: In([...ids]) } });
  }

  async get(accountId: string): Promise<AccountSyncStateEntity> {
    await this.repo.createQueryBuilder().insert().values({ accountId }).orIgnore().execute();
    return this.repo.findOneByOrFail({ accountId });
  }

  /** Enabled accounts whose next pull is due (or that never pulled) and whose lease is free. */
  async dueAccountIds(now: Date): Promise<string[]> {
    const enabled = await this.accounts.enabledIds();
    if (enabled.length === 0) return [];
    const rows: { id: string; locked_until: Date | null; lease_holder: string | null; scope: string | null }[] =
      await this.ds.query(
        `SELECT a.id, s.locked_until, s.lease_holder, s.lease_holder_scope AS scope
           FROM unnest($2::uuid[]) AS a(id) LEFT JOIN account_sync_state s ON s.account_id = a.id
          WHERE s.account_id IS NULL OR s.next_run_at IS NULL OR s.next_run_at <= $1`,
        [now, enabled],
      );
    return rows.filter((r) => this.isFree(r.locked_until, r.lease_holder, r.scope, now)).map((r) => r.id);
  }

  /** Takes the account for one pull; null when a live holder has it. At most one pull runs per account. */
  async acquire(accountId: string, now: Date): Promise<AccountSyncStateEntity | null> {
    const seen = await this.get(accountId);
    if (!this.isFree(seen.lockedUntil, seen.leaseHolder, seen.leaseHolderScope, now)) return null;
    // Taken only if nobody took it since it was read: two processes reclaiming a stopped holder's lease race here.
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({
        lockedUntil: new Date(now.getTime() + this.leaseMs),
        leaseHolder: this.holder.id,
        leaseHolderScope: this.holder.scope,
        leaseHeartbeatAt: now,
        lastStartedAt: now,
      })
      .where(
        'account_id = :accountId AND (locked_until IS NULL OR locked_until < :now OR lease_holder IS NOT DISTINCT FROM :seen)',
        { accountId, now, seen: seen.leaseHolder },
      )
      .execute();
    if (!result.affected) return null;
    return this.repo.findOneByOrFail({ accountId });
  }

  /** Renews the leases this process holds on these accounts; returns the ones it still holds. */
  async heartbeat(accountIds: readonly string[], now = new Date()): Promise<string[]> {
    if (accountIds.length === 0) return [];
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's postgres driver.
    const [rows]: [{ account_id: string }[], number] = await this.ds.query(
      `UPDATE account_sync_state SET lease_heartbeat_at = $3, locked_until = $4
        WHERE account_id = ANY($1::uuid[]) AND lease_holder = $2 RETURNING account_id`,
      [[...accountIds], this.holder.id, now, new Date(now.getTime() + this.leaseMs)],
    );
    return rows.map((r) => r.account_id);
  }

  /** Saves a running pull's progress; false (and nothing saved) when this process no longer holds the account. */
  async saveHeld(accountId: string, changes: Partial<AccountSyncStateEntity>): Promise<boolean> {
    const result = await this.repo.update({ accountId, leaseHolder: this.holder.id }, changes);
    return (result.affected ?? 0) > 0;
  }

  /** Saves the pull's last changes and gives the account back. */
  release(accountId: string, changes: Partial<AccountSyncStateEntity> = {}): Promise<boolean> {
    return this.saveHeld(accountId, { ...changes, ...FREE });
  }

  /** Gives back every lease this process holds (on a graceful stop). */
  async releaseAll(): Promise<void> {
    await this.repo.update({ leaseHolder: this.holder.id }, FREE);
  }

  /** Asks for a pull as soon as the scheduler looks. */
  async requestNow(accountId: string, now: Date): Promise<void> {
    await this.get(accountId);
    await this.repo.update({ accountId }, { nextRunAt: now });
  }

  /** The lease can be taken: none, run out, or its holder has stopped. */
  private isFree(lockedUntil: Date | null, holder: string | null, scope: string | null, now: Date): boolean {
    return !lockedUntil || lockedUntil < now || this.holder.isStopped(holder, scope);
  }
}
