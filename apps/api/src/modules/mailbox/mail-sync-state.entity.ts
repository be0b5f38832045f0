import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { MailboxEntity } from './mailbox.entity';

/** Where the reading of one mailbox stands: last outcome, backoff and lease. */
@Entity('mail_sync_state')
export class MailSyncStateEntity {
  @PrimaryColumn({ name: 'mailbox_id', type: 'uuid' })
  mailboxId: string;

  @OneToOne(() => MailboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mailbox_id' })
  mailbox?: MailboxEntity;

  @Column({ name: 'next_run_at', type: 'timestamptz', nullable: true })
  nextRunAt: Date | null;

  @Column({ name: 'last_run_at', type: 'timestamptz', nullable: true })
  lastRunAt: Date | null;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  /** In words: why the mailbox could not be read, or which message a handler could not take. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** Failed runs in a row (the mailbox could not be read); the backoff doubles with each, up to an hour. */
  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures: number;

  /** Messages read since the mailbox was connected. */
  @Column({ name: 'messages_read', type: 'integer', default: 0 })
  messagesRead: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'lease_holder', type: 'varchar', length: 200, nullable: true })
  leaseHolder: string | null;
}
