import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { RefundedBy, ReturnReasonCategory, ReturnStatus } from '@order-hub/types';
import { OrderEntity } from 'src/modules/orders/order.entity';
import { OrderReturnEntity } from './order-return.entity';

/** One returned line: units, reason, receipt and refund, linked to the order line it returns when the hub has it. */
@Entity('order_return_line')
@Unique('uq_order_return_line_number', ['returnId', 'returnLineNumber'])
@Index('ix_order_return_line_order_id', ['orderId'])
export class OrderReturnLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId: string;

  @ManyToOne(() => OrderReturnEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'return_id' })
  orderReturn?: OrderReturnEntity;

  @Column({ name: 'return_line_number', type: 'varchar', length: 64 })
  returnLineNumber: string;

  @Column({ name: 'channel_order_id', type: 'varchar', length: 64 })
  channelOrderId: string;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @ManyToOne(() => OrderEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'order_id' })
  order?: OrderEntity;

  /** The order line's number (Walmart lineNumber / Amazon order item id), found by SKU when the channel gave none. */
  @Column({ name: 'line_number', type: 'varchar', length: 64, nullable: true })
  lineNumber: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  sku: string | null;

  @Column({ name: 'product_name', type: 'varchar', length: 500, nullable: true })
  productName: string | null;

  @Column({ type: 'integer' })
  quantity: number;

  /** Units refunded; an import never lowers what the hub recorded. */
  @Column({ name: 'quantity_refunded', type: 'integer', default: 0 })
  quantityRefunded: number;

  @Column({ name: 'reason_code', type: 'varchar', length: 100, nullable: true })
  reasonCode: string | null;

  @Column({ name: 'reason_category', type: 'varchar', length: 16 })
  reasonCategory: ReturnReasonCategory;

  @Column({ type: 'varchar', length: 16 })
  status: ReturnStatus;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt: Date | null;

  @Column({ name: 'refunded_at', type: 'timestamptz', nullable: true })
  refundedAt: Date | null;

  @Column({ name: 'refunded_by', type: 'varchar', length: 16, nullable: true })
  refundedBy: RefundedBy | null;

  @Column({ name: 'unit_price_cents', type: 'integer', nullable: true })
  unitPriceCents: number | null;

  @Column({ name: 'unit_tax_cents', type: 'integer', nullable: true })
  unitTaxCents: number | null;

  @Column({ name: 'refunded_cents', type: 'integer', nullable: true })
  refundedCents: number | null;
}
