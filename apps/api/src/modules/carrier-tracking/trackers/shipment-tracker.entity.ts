import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { AddressMatch, CarrierStatus, TrackerState } from '@order-hub/types';
import { ShipmentEntity } from 'src/modules/fulfillment/shipment.entity';
import { OrderEntity } from 'src/modules/orders/order.entity';

/**
 * How the hub follows one shipment's parcel at the tracking provider: the provider's tracker, the carrier's latest
 * status, the first scan, the first delivery attempt, the delivery and where it happened (held against the
 * order's ship-to), and when to ask the provider next. The scans themselves are carrier_event rows.
 */
@Entity('shipment_tracker')
@Index('ix_shipment_tracker_due', ['nextPollAt'])
@Index('ix_shipment_tracker_code', ['trackingCode', 'carrier'])
@Index('ix_shipment_tracker_order', ['orderId'])
@Index('uq_shipment_tracker_provider_id', ['provider', 'providerTrackerId'], { unique: true })
// The followed trackers' partial index (the compliance report's "carrier data as of", migration 1795601100000) lives in
// the migration only: TypeORM cannot diff its predicate.
@Index('ix_shipment_tracker_followed', { synchronize: false })
export class ShipmentTrackerEntity {
  @PrimaryColumn({ name: 'shipment_id', type: 'uuid', primaryKeyConstraintName: 'pk_shipment_tracker' })
  shipmentId: string;

  @OneToOne(() => ShipmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shipment_id', foreignKeyConstraintName: 'fk_shipment_tracker_shipment' })
  shipment?: ShipmentEntity;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_shipment_tracker_order' })
  order?: OrderEntity;

  /** The provider that follows it ('EASYPOST'). */
  @Column({ type: 'varchar', length: 16 })
  provider: string;

  /** The provider's tracker id (EasyPost `trk_…`); null until registered. */
  @Column({ name: 'provider_tracker_id', type: 'varchar', length: 64, nullable: true })
  providerTrackerId: string | null;

  @Column({ name: 'tracking_code', type: 'varchar', length: 64 })
  trackingCode: string;

  /** The carrier as the provider names it (EasyPost `USPS`, `UPS`, `FedEx`, …). */
  @Column({ type: 'varchar', length: 32 })
  carrier: string;

  @Column({ type: 'varchar', length: 16 })
  state: TrackerState;

  @Column({ type: 'varchar', length: 24, nullable: true })
  status: CarrierStatus | null;

  @Column({ name: 'status_detail', type: 'varchar', length: 64, nullable: true })
  statusDetail: string | null;

  /** Why the provider refused the number (UNTRACKABLE). */
  @Column({ name: 'untrackable_reason', type: 'varchar', length: 300, nullable: true })
  untrackableReason: string | null;

  @Column({ name: 'public_url', type: 'varchar', length: 500, nullable: true })
  publicUrl: string | null;

  @Column({ name: 'est_delivery_at', type: 'timestamptz', nullable: true })
  estDeliveryAt: Date | null;

  @Column({ name: 'first_scan_at', type: 'timestamptz', nullable: true })
  firstScanAt: Date | null;

  @Column({ name: 'first_attempt_at', type: 'timestamptz', nullable: true })
  firstAttemptAt: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** Where the carrier delivered (or attempted) it. */
  @Column({ name: 'delivery_city', type: 'varchar', length: 80, nullable: true })
  deliveryCity: string | null;

  @Column({ name: 'delivery_state', type: 'varchar', length: 40, nullable: true })
  deliveryState: string | null;

  @Column({ name: 'delivery_zip', type: 'varchar', length: 16, nullable: true })
  deliveryZip: string | null;

  @Column({ name: 'delivery_country', type: 'varchar', length: 8, nullable: true })
  deliveryCountry: string | null;

  /** The delivery location held against the order's ship-to; null until delivered. */
  @Column({ name: 'address_match', type: 'varchar', length: 12, nullable: true })
  addressMatch: AddressMatch | null;

  /** The provider's last change to the tracker (its updated_at). */
  @Column({ name: 'provider_updated_at', type: 'timestamptz', nullable: true })
  providerUpdatedAt: Date | null;

  /** The last time the hub heard from the provider about it (webhook or poll): "carrier data as of". */
  @Column({ name: 'checked_at', type: 'timestamptz', nullable: true })
  checkedAt: Date | null;

  /** When to ask the provider next; null when no more polling is needed. */
  @Column({ name: 'next_poll_at', type: 'timestamptz', nullable: true })
  nextPollAt: Date | null;

  /** Failed provider calls in a row (backoff). */
  @Column({ name: 'poll_failures', type: 'int', default: 0 })
  pollFailures: number;

  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
