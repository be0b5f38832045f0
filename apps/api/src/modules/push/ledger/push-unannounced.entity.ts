import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An order a poll created in the hub while the account's pushes were on. It counts as a missed push when no push
 * named it within the grace after the poll found it (a push and a poll may cross by a few seconds).
 */
@Entity('push_unannounced')
export class PushUnannouncedEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ name: 'channel_order_id', type: 'varchar', length: 100 })
  channelOrderId: string;

  @Column({ name: 'found_at', type: 'timestamptz' })
  foundAt: Date;

  @Column({ name: 'ordered_at', type: 'timestamptz', nullable: true })
  orderedAt: Date | null;
}
