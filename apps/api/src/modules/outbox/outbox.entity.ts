import type { OutboxOperation, OutboxPayload, OutboxStatus } from '@order-hub/types';
import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ChannelAccountEntity } from 'src/modules/channels/channel-account.entity';
import { OrderEntity } from 'src/modules/orders/order.entity';
import type { RevertedChange } from './reverted-change';

/** One channel call owed to a marketplace, written in the same transaction as the change it reports. */
@Entity('outbox')
@Index('ix_outbox_status_next_attempt', ['status', 'nextAttemptAt'])
@Index('ix_outbox_order_seq', ['orderId', 'seq'])
@Index('ix_outbox_refused_at', ['refusedAt'])
export class OutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Creation order; rows of one order are delivered strictly in this order (acknowledge before ship). */
  @Column({ type: 'bigint', unique: true })
  @Generated('increment')
  seq: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => ChannelAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: ChannelAccountEntity;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: OrderEntity;

  @Column({ name: 'shipment_id', type: 'uuid', nullable: true })
  shipmentId: string | null;

  @Column({ type: 'varchar', length: 24 })
  operation: OutboxOperation;

  @Column({ type: 'jsonb' })
  payload: OutboxPayload;

  /** Derived from what the operator asked for, so a retried request never creates a second call. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, unique: true })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 12 })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** When a PENDING row is due; for a SENDING row, when its hold lapses unless the holder's heartbeat renews it. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  /** The process sending the row (host:pid:start) while it is SENDING; null otherwise. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  holder: string | null;

  /** What the channel gave back to follow up on (Amazon's feedId for a cancellation). */
  @Column({ name: 'channel_ref', type: 'varchar', length: 200, nullable: true })
  channelRef: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'last_error_code', type: 'varchar', length: 120, nullable: true })
  lastErrorCode: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** Why an operator discarded the row (status DEAD). */
  @Column({ name: 'discard_reason', type: 'text', nullable: true })
  discardReason: string | null;

  /** Set while the channel's refusal (FAILED, or DEAD after every retry) stands; cleared once it takes the call. */
  @Column({ name: 'refused_at', type: 'timestamptz', nullable: true })
  refusedAt: Date | null;

  /** The channel's message, kept through a resend until the channel takes the call. */
  @Column({ type: 'text', nullable: true })
  refusal: string | null;

  /** What the hub took back from the order on the refusal, put back when the call is sent again. */
  @Column({ type: 'jsonb', nullable: true })
  reverted: RevertedChange | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
