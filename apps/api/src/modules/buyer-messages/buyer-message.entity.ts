import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel } from '@order-hub/types';
import { ChannelAccountEntity } from 'src/modules/channels/channel-account.entity';
import { MailMessageEntity } from 'src/modules/mailbox/mail-message.entity';
import { OrderEntity } from 'src/modules/orders/order.entity';

export type BuyerMessageKind = 'BUYER_MESSAGE' | 'PERFORMANCE_ALERT';

/**
 * A buyer's message or a channel's performance e-mail read from the seller's mailbox, with the response clock of the
 * policy in force when it arrived (stored, so a later policy does not move a running clock).
 */
@Entity('buyer_message')
@Index('uq_buyer_message_mail_id', ['mailId'], { unique: true })
@Index('ix_buyer_message_open', ['answeredAt', 'dueSoonAt'])
@Index('ix_buyer_message_order', ['orderId'])
@Index('ix_buyer_message_received', ['receivedAt'])
export class BuyerMessageEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_buyer_message' })
  id: string;

  /** The mailbox evidence row (mail_message.id) it was read from. */
  @Column({ name: 'mail_id', type: 'uuid', nullable: true })
  mailId: string | null;

  @ManyToOne(() => MailMessageEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'mail_id', foreignKeyConstraintName: 'FK_buyer_message_mail' })
  mail?: MailMessageEntity;

  /** The message's own Message-ID, which a reply names in In-Reply-To / References. */
  @Column({ name: 'message_id', type: 'varchar', length: 998 })
  messageId: string;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @ManyToOne(() => ChannelAccountEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_buyer_message_account' })
  account?: ChannelAccountEntity;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @ManyToOne(() => OrderEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'FK_buyer_message_order' })
  order?: OrderEntity;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ type: 'varchar', length: 24 })
  kind: BuyerMessageKind;

  @Column({ name: 'from_address', type: 'varchar', length: 320 })
  fromAddress: string;

  @Column({ type: 'varchar', length: 998 })
  subject: string;

  /** The start of the message's fresh text (quoted history left out), for lists. */
  @Column({ type: 'varchar', length: 500 })
  excerpt: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'respond_by', type: 'timestamptz' })
  respondBy: Date;

  /** respond_by less the policy's warning hours: from here the message is due soon. */
  @Column({ name: 'due_soon_at', type: 'timestamptz' })
  dueSoonAt: Date;

  /** The policy version the clock was computed from. */
  @Column({ name: 'policy_version', type: 'varchar', length: 64 })
  policyVersion: string;

  /** Its Message-ID and References: a reply naming any of them is in the same thread. */
  @Column({ name: 'thread_ids', type: 'text', array: true, default: () => "'{}'" })
  threadIds: string[];

  /** Order numbers found in it (a performance e-mail's flagged orders, a buyer's order). */
  @Column({ name: 'order_numbers', type: 'text', array: true, default: () => "'{}'" })
  orderNumbers: string[];

  /** Why it is linked to no order or no account, in words; null when linked. */
  @Column({ name: 'unlinked_reason', type: 'text', nullable: true })
  unlinkedReason: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  /** 'mail:<Message-ID of the reply>' when seen in Sent, else the person who marked it. */
  @Column({ name: 'answered_by', type: 'varchar', length: 1000, nullable: true })
  answeredBy: string | null;

  @Column({ name: 'answer_mail_id', type: 'uuid', nullable: true })
  answerMailId: string | null;

  @ManyToOne(() => MailMessageEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'answer_mail_id', foreignKeyConstraintName: 'FK_buyer_message_answer_mail' })
  answerMail?: MailMessageEntity;

  @Column({ name: 'answer_note', type: 'text', nullable: true })
  answerNote: string | null;

  /** The channel warning a performance e-mail became (its 24-hour clock runs there too). */
  @Column({ name: 'channel_warning_id', type: 'uuid', nullable: true })
  channelWarningId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
