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
import type { CarrierEventSource, CarrierEventType } from '@order-hub/types';
import { ShipmentEntity } from 'src/modules/fulfillment/shipment.entity';
import { OrderEntity } from 'src/modules/orders/order.entity';

/**
 * A carrier event of a shipped package, as the hub learnt it: the first carrier scan and the delivery. One of
 * each per shipment (the first seen is kept). On-time delivery is measured from these, never guessed.
 */
@Entity('carrier_event')
@Unique('uq_carrier_event_shipment_type', ['shipmentId', 'type'])
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

  /** As the channel dates it; null when it reported the status with no time (Amazon's package status). */
  @Column({ name: 'occurred_at', type: 'timestamptz', nullable: true })
  occurredAt: Date | null;

  @Column({ type: 'varchar', length: 16 })
  source: CarrierEventSource;

  @Column({ type: 'varchar', length: 200, nullable: true })
  description: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
