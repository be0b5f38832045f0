import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { OrderLineStatus } from '@order-hub/types';
import { OrderEntity } from './order.entity';

@Entity('order_line')
@Unique('uq_order_line_number', ['orderId', 'lineNumber'])
@Index('ix_order_line_sku', ['sku'])
// Search and the SKU filter (migration OrderSearchIndexes): trigram "contains" and whole SKUs in any case.
@Index('ix_order_line_sku_trgm', { synchronize: false })
@Index('ix_order_line_sku_upper', { synchronize: false })
export class OrderLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: OrderEntity;

  /** Walmart lineNumber ("1", "2", ...) / Amazon orderItemId. */
  @Column({ name: 'line_number', type: 'varchar', length: 64 })
  lineNumber: string;

  @Column({ type: 'varchar', length: 100 })
  sku: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ name: 'quantity_ordered', type: 'integer' })
  quantityOrdered: number;

  @Column({ name: 'quantity_shipped', type: 'integer', default: 0 })
  quantityShipped: number;

  @Column({ name: 'quantity_cancelled', type: 'integer', default: 0 })
  quantityCancelled: number;

  @Column({ name: 'quantity_refunded', type: 'integer', default: 0 })
  quantityRefunded: number;

  @Column({ name: 'unit_price_cents', type: 'integer' })
  unitPriceCents: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 16 })
  status: OrderLineStatus;

  @Column({ name: 'cancellation_requested', type: 'boolean', default: false })
  cancellationRequested: boolean;

  /** The channel's reason for the cancelled units (compliance attribution); null when none or not given. */
  @Column({ name: 'cancellation_reason', type: 'varchar', length: 100, nullable: true })
  cancellationReason: string | null;

  /** The channel's reason for the refund (compliance attribution); null when none or not given. */
  @Column({ name: 'refund_reason', type: 'varchar', length: 100, nullable: true })
  refundReason: string | null;

  /** Who the channel says cancelled the units (Amazon): BUYER, SELLER or CHANNEL; null when it does not say. */
  @Column({ name: 'cancelled_by', type: 'varchar', length: 16, nullable: true })
  cancelledBy: 'BUYER' | 'SELLER' | 'CHANNEL' | null;

  /** What the channel charged for the line (every charge with its tax), the refund ceiling; null: not given. */
  @Column({ name: 'charge_cents', type: 'integer', nullable: true })
  chargeCents: number | null;

  /** What the channel has refunded on the line so far (every refunded charge with its tax). */
  @Column({ name: 'refunded_cents', type: 'integer', default: 0 })
  refundedCents: number;

  /** The product part of `refundedCents`: how many units the channel's refunds cover. */
  @Column({ name: 'product_refunded_cents', type: 'integer', default: 0 })
  productRefundedCents: number;
}
