import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PackageType } from '@order-hub/types';
import { OrderEntity } from 'src/modules/orders/order.entity';

@Entity('shipment')
@Index('ix_shipment_order', ['orderId'])
@Index('ix_shipment_tracking_number', ['trackingNumber'])
@Index('ix_shipment_tracking_number_upper', { synchronize: false }) // upper(tracking_number): order search (migration OrderSearchIndexes)
@Index('ix_shipment_shipped_at', ['shippedAt'])
export class ShipmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: OrderEntity;

  @Column({ type: 'varchar', length: 64 })
  carrier: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  service: string | null;

  @Column({ name: 'tracking_number', type: 'varchar', length: 64, nullable: true })
  trackingNumber: string | null;

  @Column({ name: 'tracking_url', type: 'varchar', length: 500, nullable: true })
  trackingUrl: string | null;

  @Column({ name: 'shipped_at', type: 'timestamptz' })
  shippedAt: Date;

  @Column({ name: 'package_type', type: 'varchar', length: 8 })
  packageType: PackageType;

  @Column({ name: 'weight_oz', type: 'double precision', nullable: true })
  weightOz: number | null;

  @Column({ name: 'length_in', type: 'double precision', nullable: true })
  lengthIn: number | null;

  @Column({ name: 'width_in', type: 'double precision', nullable: true })
  widthIn: number | null;

  @Column({ name: 'height_in', type: 'double precision', nullable: true })
  heightIn: number | null;

  /** CHANNEL: imported from the marketplace; HUB: confirmed through the hub (and sent through the outbox). */
  @Column({ type: 'varchar', length: 8, default: 'CHANNEL' })
  source: 'CHANNEL' | 'HUB';

  /** The hub's carrier code, for shipments confirmed through the hub. */
  @Column({ name: 'carrier_code', type: 'varchar', length: 24, nullable: true })
  carrierCode: string | null;

  /** Amazon's packageReferenceId of a hub-confirmed package. */
  @Column({ name: 'package_reference_id', type: 'varchar', length: 40, nullable: true })
  packageReferenceId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
