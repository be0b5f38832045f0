import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChannelAccountEntity } from 'src/modules/channels/channel-account.entity';

/** MAPPING: the channel's copy could not be read; STORAGE: it was read but the database refused it. */
export type QuarantineStage = 'MAPPING' | 'STORAGE';

/**
 * An order a pull could not import, kept with the channel's copy and the reason while the rest of its page is
 * imported. Open until the channel sends a copy the hub can import (resolved_at set); one open entry per order.
 */
@Entity('order_quarantine')
@Index('uq_order_quarantine_open', ['accountId', 'channelOrderId'], { unique: true, where: 'resolved_at IS NULL' })
@Index('ix_order_quarantine_account', ['accountId', 'lastSeenAt'])
export class QuarantinedOrderEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_order_quarantine' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => ChannelAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_order_quarantine_account' })
  account?: ChannelAccountEntity;

  /** The channel's order id, or `(unreadable #n)` when the copy did not even name one. */
  @Column({ name: 'channel_order_id', type: 'varchar', length: 100 })
  channelOrderId: string;

  @Column({ type: 'varchar', length: 16 })
  stage: QuarantineStage;

  /** What was wrong, naming the field and the rule; never the values of the order. */
  @Column({ type: 'text' })
  reason: string;

  /** The order as the channel sent it. */
  @Column({ type: 'jsonb', nullable: true })
  payload: unknown;

  /** Pulls that met this order in this state. */
  @Column({ type: 'integer', default: 1 })
  occurrences: number;

  @Column({ name: 'first_seen_at', type: 'timestamptz', default: () => 'now()' })
  firstSeenAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
