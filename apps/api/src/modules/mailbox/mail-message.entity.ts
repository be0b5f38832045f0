import type { MailFolderRole, MailKind, MailOutcome } from '@order-hub/types';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { MailboxEntity } from './mailbox.entity';

/** What a handler found in a message. */
export interface MailFindings {
  trackingNumbers: string[];
  orderNumbers: string[];
  reasons: string[];
}

/** The evidence of one message read from a mailbox: who sent it, when, what it was and what the hub did with it. */
@Entity('mail_message')
@Unique('uq_mail_message_mailbox_message_id', ['mailboxId', 'messageId'])
@Index('ix_mail_message_received_at', ['receivedAt'])
// GIN over order_ids (migration Mailbox): TypeORM cannot declare an index method, so drift checks leave it alone.
@Index('ix_mail_message_order_ids', { synchronize: false })
export class MailMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'mailbox_id', type: 'uuid' })
  mailboxId: string;

  @ManyToOne(() => MailboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mailbox_id' })
  mailbox?: MailboxEntity;

  @Column({ type: 'varchar', length: 255 })
  folder: string;

  @Column({ name: 'folder_role', type: 'varchar', length: 8 })
  folderRole: MailFolderRole;

  /** IMAP UIDs are unsigned 32-bit: bigint, read back as a number. */
  @Column({
    type: 'bigint',
    transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  uid: number;

  @Column({ name: 'message_id', type: 'varchar', length: 998 })
  messageId: string;

  @Column({ name: 'in_reply_to', type: 'varchar', length: 998, nullable: true })
  inReplyTo: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  references: string[];

  @Column({ name: 'from_address', type: 'varchar', length: 320 })
  fromAddress: string;

  @Column({ name: 'from_name', type: 'varchar', length: 300, nullable: true })
  fromName: string | null;

  @Column({ name: 'to_addresses', type: 'text', array: true, default: () => "'{}'" })
  toAddresses: string[];

  @Column({ type: 'text' })
  subject: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** The text as the handlers saw it, trimmed to 64 KB. */
  @Column({ name: 'body_text', type: 'text' })
  bodyText: string;

  @Column({ type: 'varchar', length: 24, default: 'OTHER' })
  kind: MailKind;

  @Column({ type: 'varchar', length: 12, default: 'IGNORED' })
  outcome: MailOutcome;

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'jsonb', default: () => `'{"reasons": [], "orderNumbers": [], "trackingNumbers": []}'` })
  findings: MailFindings;

  @Column({ name: 'order_ids', type: 'uuid', array: true, default: () => "'{}'" })
  orderIds: string[];

  /** Which handler took it (null: none did). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  handler: string | null;

  /** Runs that tried to hand it over; a message that keeps failing is settled as FAILED after a few. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Null while a handler failed and the message waits for the next run. */
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
