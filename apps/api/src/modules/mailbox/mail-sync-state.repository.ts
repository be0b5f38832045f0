import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { MailSyncStateEntity } from './mail-sync-state.entity';

const FREE = { lockedUntil: null, leaseHolder: null } as const;

/**
 * mail_sync_state and its lease: a run claims its mailbox with one atomic UPDATE … RETURNING, so two processes never
 * read the same mailbox at once; a holder that died loses the mailbox when its lease runs out.
 */
@Injectable()
export class MailSyncStateRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(MailSyncStateEntity);
  }

  byMailboxIds(ids: readonly string[]): Promise<MailSyncStateEntity[]> {
    return ids.length ? this.repo.find({ where: { mailboxId: In([...ids]) } }) : Promise.resolve([]);
  }

  async get(mailboxId: string): Promise<MailSyncStateEntity> {
    await this.ensure([mailboxId]);
    return this.repo.findOneByOrFail({ mailboxId });
  }

  async ensure(mailboxIds: readonly string[]): Promise<void> {
    if (mailboxIds.length === 0) return;
    await this.ds.query(
      `INSERT INTO mail_sync_state (mailbox_id) SELECT unnest($1::uuid[]) ON CONFLICT (mailbox_id) DO NOTHING`,
      [[...mailboxIds]],
    );
  }

  /** Of these mailboxes, the ones whose next run is due and whose lease is free. */
  async dueAmong(mailboxIds: readonly string[], now: Date): Promise<string[]> {
    if (mailboxIds.length === 0) return [];
    await this.ensure(mailboxIds);
    const rows: { mailbox_id: string }[] = await this.ds.query(
      `SELECT mailbox_id FROM mail_sync_state
        WHERE mailbox_id = ANY($1::uuid[]) AND (next_run_at IS NULL OR next_run_at <= $2)
          AND (locked_until IS NULL OR locked_until < $2)
        ORDER BY next_run_at NULLS FIRST`,
      [[...mailboxIds], now],
    );
    return rows.map((r) => r.mailbox_id);
  }

  /** Takes the mailbox for one run until `until`; null when a live holder has it. */
  async claim(mailboxId: string, holder: string, now: Date, until: Date): Promise<MailSyncStateEntity | null> {
    await this.ensure([mailboxId]);
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's postgres driver.
    const [rows]: [{ mailbox_id: string }[], number] = await this.ds.query(
      `UPDATE mail_sync_state SET locked_until = $3, lease_holder = $4, last_run_at = $2
        WHERE mailbox_id = $1 AND (locked_until IS NULL OR locked_until < $2) RETURNING mailbox_id`,
      [mailboxId, now, until, holder],
    );
    if (rows.length === 0) return null;
    return this.repo.findOneByOrFail({ mailboxId });
  }

  /** Saves the run's outcome and gives the mailbox back, if this holder still has it. */
  async release(mailboxId: string, holder: string, changes: Partial<MailSyncStateEntity>): Promise<boolean> {
    const result = await this.repo.update({ mailboxId, leaseHolder: holder }, { ...changes, ...FREE });
    return (result.affected ?? 0) > 0;
  }

  /** Runs the next scheduled pass soon (settings changed). */
  async runSoon(mailboxId: string): Promise<void> {
    await this.ensure([mailboxId]);
    await this.repo.update({ mailboxId }, { nextRunAt: null, consecutiveFailures: 0 });
  }

  /** Enabled mailboxes whose last runs failed: the MAILBOX_UNREACHABLE alarm's condition. */
  failing(): Promise<
    { id: string; name: string; username: string; last_error: string | null; consecutive_failures: number }[]
  > {
    return this.ds.query(
      `SELECT m.id, m.name, m.username, s.last_error, s.consecutive_failures
         FROM mailbox m JOIN mail_sync_state s ON s.mailbox_id = m.id
        WHERE m.enabled AND s.consecutive_failures > 0
        ORDER BY m.name`,
    );
  }
}
