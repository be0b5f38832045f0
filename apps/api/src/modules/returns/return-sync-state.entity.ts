import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ChannelAccountEntity } from 'src/modules/channels/channel-account.entity';

/** Where the returns import of one account stands: its watermark, last outcome, backoff and lease. */
@Entity('return_sync_state')
export class ReturnSyncStateEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @OneToOne(() => ChannelAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: ChannelAccountEntity;

  /** Returns the channel changed up to this instant are in the hub (incremental channels). */
  @Column({ type: 'timestamptz', nullable: true })
  watermark: Date | null;

  @Column({ name: 'next_run_at', type: 'timestamptz', nullable: true })
  nextRunAt: Date | null;

  @Column({ name: 'last_started_at', type: 'timestamptz', nullable: true })
  lastStartedAt: Date | null;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'last_error_at', type: 'timestamptz', nullable: true })
  lastErrorAt: Date | null;

  /** Failed pulls in a row; the backoff doubles with each (1, 2, 4 … 60 minutes). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'returns_imported', type: 'integer', default: 0 })
  returnsImported: number;

  @Column({ name: 'returns_updated', type: 'integer', default: 0 })
  returnsUpdated: number;

  /** Returns of the last pull the hub could not read, with the reason (naming the field), set aside. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  rejected: { channelReturnId: string | null; reason: string }[];

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'lease_holder', type: 'varchar', length: 200, nullable: true })
  leaseHolder: string | null;
}
