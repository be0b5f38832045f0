import type { NotificationDeliveryStatus } from '@order-hub/types';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NotificationRuleEntity } from './notification-rule.entity';

/** What a delivery carries: one alert as it opened, a rule's test, or a day's digest. */
export type NotificationDeliveryKind = 'ALERT' | 'TEST' | 'DIGEST';

/**
 * One message to one target ('email:<address>' or 'webhook') of a rule: its attempts, next try and outcome. Unique
 * per rule × alert × target and per rule × digest day × target, so two dispatchers never send the same one twice.
 */
@Entity('notification_delivery')
@Index('uq_notification_delivery_alert', ['ruleId', 'alertId', 'target'], { unique: true })
@Index('uq_notification_delivery_digest', ['ruleId', 'digestDate', 'target'], { unique: true })
@Index('ix_notification_delivery_due', ['status', 'nextAttemptAt'])
@Index('ix_notification_delivery_rule', ['ruleId', 'createdAt'])
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'rule_id', type: 'uuid' })
  ruleId: string;

  @ManyToOne(() => NotificationRuleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rule_id' })
  rule?: NotificationRuleEntity;

  @Column({ type: 'varchar', length: 8 })
  kind: NotificationDeliveryKind;

  /** No foreign key: the alert table belongs to the alerts module, and the log outlives its rows. */
  @Column({ name: 'alert_id', type: 'uuid', nullable: true })
  alertId: string | null;

  /** The rule's local day a digest covers (YYYY-MM-DD). */
  @Column({ name: 'digest_date', type: 'date', nullable: true })
  digestDate: string | null;

  @Column({ type: 'varchar', length: 330 })
  target: string;

  @Column({ type: 'varchar', length: 10 })
  status: NotificationDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** The message as sent: the webhook's JSON body, or the e-mail's subject and text. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** A sender holds the row until then; another dispatcher leaves it alone. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
