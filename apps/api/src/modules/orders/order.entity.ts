import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { Channel, FulfillmentMethod, OrderStatus, OrderType, PostalAddress } from '@order-hub/types';
import { ChannelAccountEntity } from 'src/modules/channels/channel-account.entity';

@Entity('order')
@Unique('uq_order_account_channel_order_id', ['accountId', 'channelOrderId'])
@Index('ix_order_ordered_at', ['orderedAt', 'id'])
@Index('ix_order_status_ordered_at', ['status', 'orderedAt'])
@Index('ix_order_ship_by', ['shipBy'])
@Index('ix_order_deliver_by', ['deliverBy'])
@Index('ix_order_channel_order_id', ['channelOrderId'])
@Index('ix_order_customer_order_id', ['customerOrderId'])
// Partial indexes serving the inbox views live in the migrations only (TypeORM cannot diff their predicates).
@Index('ix_order_open_ship_by', { synchronize: false })
@Index('ix_order_open_account_ship_by', { synchronize: false })
@Index('ix_order_buyer_data_held', { synchronize: false })
@Index('ix_order_buyer_data_returned', { synchronize: false })
// Trigram indexes for search (migration OrderSearchIndexes; TypeORM cannot declare an operator class).
@Index('ix_order_channel_order_id_trgm', { synchronize: false })
@Index('ix_order_customer_order_id_trgm', { synchronize: false })
@Index('ix_order_ship_to_name_trgm', { synchronize: false })
export class OrderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => ChannelAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: ChannelAccountEntity;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  /** Walmart purchaseOrderId / Amazon orderId. */
  @Column({ name: 'channel_order_id', type: 'varchar', length: 64 })
  channelOrderId: string;

  @Column({ name: 'customer_order_id', type: 'varchar', length: 64, nullable: true })
  customerOrderId: string | null;

  @Column({ name: 'ordered_at', type: 'timestamptz' })
  orderedAt: Date;

  @Column({ type: 'varchar', length: 24 })
  status: OrderStatus;

  @Column({ name: 'ship_by', type: 'timestamptz', nullable: true })
  shipBy: Date | null;

  @Column({ name: 'deliver_by', type: 'timestamptz', nullable: true })
  deliverBy: Date | null;

  /** From the channel policy in force when the order arrived (packages/rules). */
  @Column({ name: 'acknowledge_by', type: 'timestamptz', nullable: true })
  acknowledgeBy: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'auto_cancel_at', type: 'timestamptz', nullable: true })
  autoCancelAt: Date | null;

  @Column({ name: 'ship_method', type: 'varchar', length: 64, nullable: true })
  shipMethod: string | null;

  @Column({ name: 'fulfillment_method', type: 'varchar', length: 16 })
  fulfillmentMethod: FulfillmentMethod;

  @Column({ name: 'ship_to', type: 'jsonb', nullable: true })
  shipTo: PostalAddress | null;

  /** Copy of shipTo.name, so search stays a plain indexed column. */
  @Column({ name: 'ship_to_name', type: 'varchar', length: 200, nullable: true })
  shipToName: string | null;

  @Column({ name: 'total_cents', type: 'integer' })
  totalCents: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  /** Items and shipping before tax, in minor units; null when the channel does not break the total down. */
  @Column({ name: 'merchandise_cents', type: 'integer', nullable: true })
  merchandiseCents: number | null;

  /** Walmart `orderType` (REGULAR / REPLACEMENT); null when the channel does not say. */
  @Column({ name: 'order_type', type: 'varchar', length: 16, nullable: true })
  orderType: OrderType | null;

  /** The customer order a replacement replaces (Walmart `originalCustomerOrderID`). */
  @Column({ name: 'original_customer_order_id', type: 'varchar', length: 64, nullable: true })
  originalCustomerOrderId: string | null;

  /** Walmart `shipNode.type` (SellerFulfilled, WFSFulfilled, 3PLFulfilled). */
  @Column({ name: 'ship_node_type', type: 'varchar', length: 32, nullable: true })
  shipNodeType: string | null;

  /** The packages the channel holds for the order (Amazon packageReferenceIds); a new confirmation needs a new one. */
  @Column({ name: 'channel_package_reference_ids', type: 'jsonb', default: () => "'[]'" })
  channelPackageReferenceIds: string[];

  /** When the channel last changed the order; an import with an older copy is ignored. */
  @Column({ name: 'channel_updated_at', type: 'timestamptz', nullable: true })
  channelUpdatedAt: Date | null;

  @Column({ name: 'cancellation_requested', type: 'boolean', default: false })
  cancellationRequested: boolean;

  @Column({ name: 'raw_payload', type: 'jsonb' })
  rawPayload: Record<string, unknown>;

  /** When the buyer's PII was redacted under the channel's retention (packages/rules buyerDataPolicy); null: kept. */
  @Column({ name: 'buyer_data_redacted_at', type: 'timestamptz', nullable: true })
  buyerDataRedactedAt: Date | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
