import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PushEventKind, PushEventOutcome } from '@order-hub/types';

/**
 * A push the hub received, once per (account, channel event id): duplicates are answered and dropped. MALFORMED and
 * DEAD_LETTER rows keep the delivery's body and the reason (account_id null when the delivery named no known account).
 */
@Entity('push_event')
@Index('uq_push_event', ['accountId', 'eventId'], { unique: true })
@Index('ix_push_event_order', ['accountId', 'channelOrderId'])
@Index('ix_push_event_received', ['accountId', 'receivedAt'])
export class PushEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ name: 'event_id', type: 'varchar', length: 200 })
  eventId: string;

  @Column({ type: 'varchar', length: 24 })
  kind: PushEventKind;

  @Column({ name: 'channel_order_id', type: 'varchar', length: 100, nullable: true })
  channelOrderId: string | null;

  @Column({ name: 'mcf_order_id', type: 'varchar', length: 100, nullable: true })
  mcfOrderId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz', nullable: true })
  occurredAt: Date | null;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  outcome: PushEventOutcome;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Why it failed, was malformed or dead-lettered. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** The delivery's body, kept only for MALFORMED and DEAD_LETTER rows (to look at, then replay or drop). */
  @Column({ type: 'jsonb', nullable: true })
  body: unknown;
}
