import type { AlertSeverity } from '@order-hub/types';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type { AlertSeverity };

/**
 * Something an operator must know and act on. `conditionKey` names the condition (kind + subject) so the same
 * condition never opens two alerts; it resolves itself when the condition clears.
 */
@Entity('alert')
@Index('ix_alert_open', ['resolvedAt', 'openedAt'])
@Index('ix_alert_opened', ['openedAt', 'id'])
@Index('ix_alert_order', ['orderId'])
@Index('uq_alert_open_condition', ['conditionKey'], { unique: true, where: 'resolved_at IS NULL' })
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 48 })
  kind: string;

  @Column({ type: 'varchar', length: 8 })
  severity: AlertSeverity;

  @Column({ name: 'condition_key', type: 'varchar', length: 200 })
  conditionKey: string;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ type: 'text' })
  message: string;

  /** What to do about it, in a sentence or two. */
  @Column({ type: 'text', nullable: true })
  action: string | null;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'acknowledged_by', type: 'varchar', length: 200, nullable: true })
  acknowledgedBy: string | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;
}
