import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { CarrierCode, IntakeStatus, IntakeVia } from '@order-hub/types';
import { OrderEntity } from 'src/modules/orders/order.entity';

/** Why a number was held or refused, in the rules' own words (a rule's code and field, or a hold of the intake's). */
export interface IntakeReason {
  code: string;
  field: string;
  message: string;
  severity: 'BLOCK' | 'WARN' | 'HOLD';
}

/**
 * One tracking number a supplier sent (by mail, the supplier link or a CSV) for one order: applied (it became the
 * shipment `shipment_id`), held for a person with its reasons, refused by the rules, or dismissed. Supplier and mail
 * are kept by id without a foreign key: the intake is evidence and outlives a supplier's removal or a message purged.
 */
@Entity('tracking_intake')
@Index('ix_tracking_intake_order', ['orderId', 'createdAt'])
@Index('ix_tracking_intake_status', ['status', 'createdAt'])
@Index('ix_tracking_intake_supplier', ['supplierId', 'createdAt'])
export class TrackingIntakeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: OrderEntity;

  @Column({ name: 'supplier_id', type: 'uuid', nullable: true })
  supplierId: string | null;

  @Column({ type: 'varchar', length: 8 })
  via: IntakeVia;

  /** The message it came in (mail_message.id), for MAIL. */
  @Column({ name: 'mail_id', type: 'uuid', nullable: true })
  mailId: string | null;

  @Column({ type: 'varchar', length: 32 })
  carrier: CarrierCode;

  @Column({ name: 'carrier_name', type: 'varchar', length: 100, nullable: true })
  carrierName: string | null;

  @Column({ name: 'tracking_number', type: 'varchar', length: 200 })
  trackingNumber: string;

  @Column({ type: 'varchar', length: 12 })
  status: IntakeStatus;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  reasons: IntakeReason[];

  @Column({ name: 'shipment_id', type: 'uuid', nullable: true })
  shipmentId: string | null;

  /** Who sent it in: `supplier:<name>`, or the person or token that uploaded the CSV. */
  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  /** The person who approved or dismissed it. */
  @Column({ name: 'decided_by', type: 'varchar', length: 200, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** Why it was dismissed. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
