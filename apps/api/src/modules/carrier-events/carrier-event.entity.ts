import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { CarrierEventSource, CarrierEventType, CarrierStatus } from '@order-hub/types';
import { ShipmentEntity } from 'src/modules/fulfillment/shipment.entity';
import { OrderEntity } from 'src/modules/orders/order.entity';

/**
 * A carrier event of a shipped package, as the hub learnt it: the first carrier scan, the first delivery attempt
 * and the delivery (one of each per shipment, the first seen is kept), and each status change a tracking provider
 * reports, with where the carrier saw the parcel. Valid tracking, late origin scans and on-time delivery are
 * measured from these, never guessed.
 */
@Entity('carrier_event')
@Unique('uq_carrier_event_shipment_key', ['shipmentId', 'eventKey'])
@Index('ix_carrier_event_order', ['orderId'])
export class CarrierEventEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_carrier_event' })
  id: string;

  @Column({ name: 'shipment_id', type: 'uuid' })
  shipmentId: string;

  @ManyToOne(() => ShipmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shipment_id', foreignKeyConstraintName: 'fk_carrier_event_shipment' })
  shipment?: ShipmentEntity;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_carrier_event_order' })
  order?: OrderEntity;

  @Column({ type: 'varchar', length: 16 })
  type: CarrierEventType;

  /** What makes the event one of a kind for its shipment: the type for SCANNED/DELIVERY_ATTEMPT/DELIVERED, else status and time. */
  @Column({ name: 'event_key', type: 'varchar', length: 120 })
  eventKey: string;

  /** The carrier's status at the event, where the source gives one. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  status: CarrierStatus | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  state: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  zip: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  country: string | null;

  /** As the channel dates it; null when it reported the status with no time (Amazon's package status). */
  @Column({ name: 'occurred_at', type: 'timestamptz', nullable: true })
  occurredAt: Date | null;

  @Column({ type: 'varchar', length: 24 })
  source: CarrierEventSource;

  @Column({ type: 'varchar', length: 200, nullable: true })
  description: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
