import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AttemptOutcome } from '@order-hub/types';
import { OutboxEntity } from './outbox.entity';

/** One delivery attempt of an outbox row: what was sent, what came back, how long it took. */
@Entity('outbox_attempt')
@Index('ix_outbox_attempt_outbox', ['outboxId', 'attempt'])
export class OutboxAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'outbox_id', type: 'uuid' })
  outboxId: string;

  @ManyToOne(() => OutboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outbox_id' })
  outbox?: OutboxEntity;

  @Column({ type: 'integer' })
  attempt: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;

  /** Method, path and a summary of the body (never credentials). */
  @Column({ type: 'jsonb' })
  request: Record<string, unknown>;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody: unknown;

  @Column({ type: 'varchar', length: 24 })
  outcome: AttemptOutcome;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
