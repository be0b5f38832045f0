import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PurchaseOrderFormat, PurchaseOrderMethod, PurchaseOrderStatus } from '@order-hub/types';
import { OrderEntity } from 'src/modules/orders/order.entity';
import { SupplierEntity } from './supplier.entity';

/** One order sent to its supplier to ship; the supplier's tracking is due by `tracking_due_at`. */
@Entity('purchase_order')
@Index('uq_purchase_order_number', ['number'], { unique: true })
@Index('ix_purchase_order_supplier_sent_at', ['supplierId', 'sentAt'])
@Index('ix_purchase_order_status_due', ['status', 'trackingDueAt'])
// One purchase order per order among those not cancelled (partial unique index, migration Suppliers).
@Index('uq_purchase_order_open_order', { synchronize: false })
export class PurchaseOrderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `PO-<yymmdd>-<n>`. */
  @Column({ type: 'varchar', length: 32 })
  number: string;

  @Column({ name: 'supplier_id', type: 'uuid' })
  supplierId: string;

  @ManyToOne(() => SupplierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_id' })
  supplier?: SupplierEntity;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: OrderEntity;

  @Column({ type: 'varchar', length: 8 })
  method: PurchaseOrderMethod;

  @Column({ type: 'varchar', length: 8 })
  format: PurchaseOrderFormat;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;

  /** The address e-mailed; null for a link. */
  @Column({ name: 'sent_to', type: 'varchar', length: 320, nullable: true })
  sentTo: string | null;

  /** Null when the order has no ship-by. */
  @Column({ name: 'tracking_due_at', type: 'timestamptz', nullable: true })
  trackingDueAt: Date | null;

  @Column({ name: 'tracking_received_at', type: 'timestamptz', nullable: true })
  trackingReceivedAt: Date | null;

  @Column({ type: 'varchar', length: 24 })
  status: PurchaseOrderStatus;

  @Column({ name: 'link_expires_at', type: 'timestamptz', nullable: true })
  linkExpiresAt: Date | null;

  @Column({ name: 'sent_by', type: 'varchar', length: 200 })
  sentBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
