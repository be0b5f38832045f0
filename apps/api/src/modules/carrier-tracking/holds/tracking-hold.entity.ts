import type { OutboxOperation } from '@order-hub/types';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ShipmentEntity } from 'src/modules/fulfillment/shipment.entity';
import { OrderEntity } from 'src/modules/orders/order.entity';
import { OutboxEntity } from 'src/modules/outbox/outbox.entity';
import type { TrackingHoldReleaseReason } from './tracking-hold-reason';

/**
 * A channel confirmation (SHIP or UPDATE_TRACKING outbox row) the hub holds back until the parcel's first carrier
 * scan, or `release_by` (ship-by less the policy's margin), whichever comes first. The outbox row itself waits as
 * PENDING with its next attempt at `release_by`, so a hold outlives any restart and is never lost; releasing it
 * makes the row due now.
 */
@Entity('tracking_hold')
@Index('ix_tracking_hold_order', ['orderId'])
@Index('ix_tracking_hold_shipment', ['shipmentId'])
@Index('ix_tracking_hold_release_by', ['releaseBy'])
export class TrackingHoldEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_tracking_hold' })
  id: string;

  @Column({ name: 'outbox_id', type: 'uuid' })
  @Index('uq_tracking_hold_outbox', { unique: true })
  outboxId: string;

  @ManyToOne(() => OutboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outbox_id', foreignKeyConstraintName: 'fk_tracking_hold_outbox' })
  outbox?: OutboxEntity;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_tracking_hold_order' })
  order?: OrderEntity;

  @Column({ name: 'shipment_id', type: 'uuid' })
  shipmentId: string;

  @ManyToOne(() => ShipmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shipment_id', foreignKeyConstraintName: 'fk_tracking_hold_shipment' })
  shipment?: ShipmentEntity;

  /** SHIP or UPDATE_TRACKING. */
  @Column({ type: 'varchar', length: 24 })
  operation: OutboxOperation;

  /** The number the held call carries. */
  @Column({ name: 'tracking_number', type: 'varchar', length: 64 })
  trackingNumber: string;

  @Column({ type: 'varchar', length: 64 })
  carrier: string;

  @Column({ name: 'held_since', type: 'timestamptz' })
  heldSince: Date;

  /** The latest the call goes out without a scan: ship-by less the policy's margin. */
  @Column({ name: 'release_by', type: 'timestamptz' })
  releaseBy: Date;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @Column({ name: 'release_reason', type: 'varchar', length: 16, nullable: true })
  releaseReason: TrackingHoldReleaseReason | null;

  /** Who released it: the system path or the operator. */
  @Column({ name: 'released_by', type: 'varchar', length: 200, nullable: true })
  releasedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
