import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SyncPhase } from '@order-hub/types';
import { ChannelAccountEntity } from 'src/modules/channels/channel-account.entity';

/** Where the order pull of one account stands: its watermark, progress and last outcome. */
@Entity('account_sync_state')
export class AccountSyncStateEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @OneToOne(() => ChannelAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: ChannelAccountEntity;

  @Column({ type: 'varchar', length: 16, default: 'BACKFILL' })
  phase: SyncPhase;

  /** Orders changed at or after this instant (minus the overlap) are pulled next. */
  @Column({ type: 'timestamptz', nullable: true })
  watermark: Date | null;

  /** The channel's page cursor of an unfinished backfill, so a restart resumes it. */
  @Column({ type: 'text', nullable: true })
  cursor: string | null;

  @Column({ name: 'backfill_from', type: 'timestamptz', nullable: true })
  backfillFrom: Date | null;

  @Column({ name: 'pages_done', type: 'integer', default: 0 })
  pagesDone: number;

  @Column({ name: 'pages_estimated', type: 'integer', nullable: true })
  pagesEstimated: number | null;

  @Column({ name: 'orders_imported', type: 'integer', default: 0 })
  ordersImported: number;

  @Column({ name: 'orders_updated', type: 'integer', default: 0 })
  ordersUpdated: number;

  @Column({ name: 'last_started_at', type: 'timestamptz', nullable: true })
  lastStartedAt: Date | null;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'last_error_at', type: 'timestamptz', nullable: true })
  lastErrorAt: Date | null;

  @Column({ name: 'next_run_at', type: 'timestamptz', nullable: true })
  nextRunAt: Date | null;

  /** A pull holds the account until this instant (its last heartbeat + SYNC_LEASE_SECONDS); a dead holder's runs out. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** The process holding the lease (`host:pid:start time`), null when free. */
  @Column({ name: 'lease_holder', type: 'varchar', length: 200, nullable: true })
  leaseHolder: string | null;

  /** The holder's boot and pid namespace: a process in the same one can tell whether the holder still runs. */
  @Column({ name: 'lease_holder_scope', type: 'varchar', length: 200, nullable: true })
  leaseHolderScope: string | null;

  /** The holder's last sign of life; renewed every third of the lease while the pull runs. */
  @Column({ name: 'lease_heartbeat_at', type: 'timestamptz', nullable: true })
  leaseHeartbeatAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
