import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Channel, RefundedBy, ReturnStatus } from '@order-hub/types';
import { ChannelAccountEntity } from 'src/modules/channels/channel-account.entity';
import { OrderEntity } from 'src/modules/orders/order.entity';

/** A return as the channel reports it (Walmart RMA, Amazon RMA), linked to the hub's order when it has it. */
@Entity('order_return')
@Unique('uq_order_return_account_channel_return_id', ['accountId', 'channelReturnId'])
@Index('ix_order_return_status_received_at', ['status', 'receivedAt'])
@Index('ix_order_return_order_id', ['orderId'])
export class OrderReturnEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => ChannelAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: ChannelAccountEntity;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  /** Walmart returnOrderId; Amazon RMA id (or `<order id>:<return request date>` without one). */
  @Column({ name: 'channel_return_id', type: 'varchar', length: 100 })
  channelReturnId: string;

  @Column({ name: 'customer_order_id', type: 'varchar', length: 64, nullable: true })
  customerOrderId: string | null;

  @Column({ name: 'channel_order_id', type: 'varchar', length: 64 })
  channelOrderId: string;

  /** The hub's order of `channel_order_id`; null until (or unless) that order is imported. */
  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @ManyToOne(() => OrderEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'order_id' })
  order?: OrderEntity;

  @Column({ type: 'varchar', length: 16 })
  status: ReturnStatus;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  /** The earliest receipt among its lines: the refund clock runs from here. */
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt: Date | null;

  @Column({ name: 'refunded_at', type: 'timestamptz', nullable: true })
  refundedAt: Date | null;

  @Column({ name: 'refunded_by', type: 'varchar', length: 16, nullable: true })
  refundedBy: RefundedBy | null;

  @Column({ name: 'return_type', type: 'varchar', length: 32, nullable: true })
  returnType: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  tracking: { carrier: string | null; trackingNumber: string }[];

  @Column({ name: 'label_url', type: 'text', nullable: true })
  labelUrl: string | null;

  @Column({ type: 'boolean', default: false })
  claim: boolean;

  @Column({ type: 'char', length: 3 })
  currency: string;

  /** The channel's own copy, kept as evidence. */
  @Column({ type: 'jsonb' })
  raw: unknown;

  /** Raised on every change (an import that changed something, a refund the hub applied). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' })
  importedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
