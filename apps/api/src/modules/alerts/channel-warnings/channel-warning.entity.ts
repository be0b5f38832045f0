import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChannelAccountEntity } from 'src/modules/channels/channel-account.entity';
import { AlertEntity } from 'src/modules/alerts/alert.entity';

/**
 * A warning the seller received from a channel (a Walmart performance alert, an Amazon account-health notice),
 * logged by an operator so its 24-hour response clock runs in the hub.
 */
@Entity('channel_warning')
@Index('ix_channel_warning_open', ['respondedAt', 'respondBy'])
@Index('ix_channel_warning_account', ['accountId', 'receivedAt'])
export class ChannelWarningEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_channel_warning' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => ChannelAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_channel_warning_account' })
  account?: ChannelAccountEntity;

  /** The compliance metric the warning is about (VALID_TRACKING_RATE…), when it is about one. */
  @Column({ type: 'varchar', length: 48, nullable: true })
  metric: string | null;

  /** What it is about in the channel's words, when it is not a metric (or to add the category). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  subject: string | null;

  @Column({ type: 'text' })
  message: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** received_at + 24 h, stored so the alarm scan finds the ones due with an index. */
  @Column({ name: 'respond_by', type: 'timestamptz' })
  respondBy: Date;

  /** An alert of the hub's the warning corresponds to (the hub usually saw it first). */
  @Column({ name: 'alert_id', type: 'uuid', nullable: true })
  alertId: string | null;

  @ManyToOne(() => AlertEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'alert_id', foreignKeyConstraintName: 'FK_channel_warning_alert' })
  alert?: AlertEntity;

  @Column({ name: 'logged_by', type: 'varchar', length: 200 })
  loggedBy: string;

  @CreateDateColumn({ name: 'logged_at', type: 'timestamptz' })
  loggedAt: Date;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'responded_by', type: 'varchar', length: 200, nullable: true })
  respondedBy: string | null;

  @Column({ name: 'response_note', type: 'text', nullable: true })
  responseNote: string | null;
}
