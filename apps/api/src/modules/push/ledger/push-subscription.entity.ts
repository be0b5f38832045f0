import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PushState } from '@order-hub/types';
import { ChannelAccountEntity } from 'src/modules/channels/channel-account.entity';

/** An account's subscription to its channel's order pushes: what the channel handed back and how it stands. */
@Entity('push_subscription')
export class PushSubscriptionEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @OneToOne(() => ChannelAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: ChannelAccountEntity;

  @Column({ type: 'varchar', length: 16, default: 'OFF' })
  state: PushState;

  /** The channel's subscription ids (PushSubscriptionRef.subscriptionIds). */
  @Column({ name: 'subscription_ids', type: 'text', array: true, default: () => "'{}'" })
  subscriptionIds: string[];

  @Column({ name: 'destination_id', type: 'varchar', length: 200, nullable: true })
  destinationId: string | null;

  /** The seller's id in queue deliveries (Amazon SellerId): routes a queue message to this account. */
  @Column({ name: 'account_key', type: 'varchar', length: 200, nullable: true })
  accountKey: string | null;

  /** The webhook signing secret, encrypted like the account's credentials. */
  @Column({ name: 'secret_encrypted', type: 'bytea', nullable: true, select: false })
  secretEncrypted: Buffer | null;

  @Column({ name: 'subscribed_at', type: 'timestamptz', nullable: true })
  subscribedAt: Date | null;

  @Column({ name: 'subscribed_by', type: 'varchar', length: 200, nullable: true })
  subscribedBy: string | null;

  @Column({ name: 'last_event_at', type: 'timestamptz', nullable: true })
  lastEventAt: Date | null;

  /** The last refusal of a subscribe, unsubscribe or test call, in the channel's words. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'last_error_at', type: 'timestamptz', nullable: true })
  lastErrorAt: Date | null;

  @Column({ name: 'last_test_at', type: 'timestamptz', nullable: true })
  lastTestAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
