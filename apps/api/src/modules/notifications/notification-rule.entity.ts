import type { NotificationMode } from '@order-hub/types';
import type { AlertSeverity } from '@order-hub/types';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Which alerts go to whom: kinds (none: all), least severity, a channel or an account; e-mail and a webhook. */
@Entity('notification_rule')
export class NotificationRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** Alert kinds this rule sends; empty: every kind. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  kinds: string[];

  @Column({ name: 'min_severity', type: 'varchar', length: 8, default: 'LOW' })
  minSeverity: AlertSeverity;

  /** Only alerts of this channel's accounts. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  channel: string | null;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  emails: string[];

  /** People whose address (read when sending) gets the e-mail. */
  @Column({ name: 'user_ids', type: 'uuid', array: true, default: () => "'{}'" })
  userIds: string[];

  @Column({ name: 'webhook_url', type: 'varchar', length: 2048, nullable: true })
  webhookUrl: string | null;

  /** The signing secret, encrypted with the credentials key (shown once, at creation). */
  @Column({ name: 'webhook_secret', type: 'bytea', nullable: true })
  webhookSecret: Buffer | null;

  @Column({ type: 'varchar', length: 16, default: 'IMMEDIATE' })
  mode: NotificationMode;

  /** The local hour (0–23, in `time_zone`) the daily digest goes out. */
  @Column({ name: 'digest_hour', type: 'smallint', default: 8 })
  digestHour: number;

  @Column({ name: 'quiet_from', type: 'varchar', length: 5, nullable: true })
  quietFrom: string | null;

  @Column({ name: 'quiet_to', type: 'varchar', length: 5, nullable: true })
  quietTo: string | null;

  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'UTC' })
  timeZone: string;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
