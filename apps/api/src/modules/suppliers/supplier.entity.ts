import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PurchaseOrderFormat, PurchaseOrderMethod } from '@order-hub/types';

/** A dropship supplier: who ships the seller's orders, where purchase orders go, and how fast tracking must come back. */
@Entity('supplier')
// Unique on lower(name) (migration Suppliers; TypeORM cannot declare an expression index).
@Index('uq_supplier_name_ci', { synchronize: false })
export class SupplierEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'contact_name', type: 'varchar', length: 200, nullable: true })
  contactName: string | null;

  /** Where purchase orders are e-mailed. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  /** Addresses (`ops@acme.com`) or domains (`@acme.com`) the supplier mails tracking from, lower case. */
  @Column({ name: 'sender_addresses', type: 'text', array: true, default: () => "'{}'" })
  senderAddresses: string[];

  @Column({ type: 'varchar', length: 50, nullable: true })
  phone: string | null;

  @Column({ name: 'lead_time_business_days', type: 'integer', default: 1 })
  leadTimeBusinessDays: number;

  /** Hours before the order's ship-by by which the supplier's tracking number must reach the hub. */
  @Column({ name: 'tracking_deadline_hours', type: 'integer', default: 0 })
  trackingDeadlineHours: number;

  @Column({ name: 'po_method', type: 'varchar', length: 8, default: 'EMAIL' })
  poMethod: PurchaseOrderMethod;

  @Column({ name: 'po_format', type: 'varchar', length: 8, default: 'CSV' })
  poFormat: PurchaseOrderFormat;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
