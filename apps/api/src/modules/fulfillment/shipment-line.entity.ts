import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrderLineEntity } from 'src/modules/orders/order-line.entity';
import { ShipmentEntity } from './shipment.entity';

/** The quantity of one order line carried by one shipment. */
@Entity('shipment_line')
@Index('ix_shipment_line_order_line', ['orderLineId'])
export class ShipmentLineEntity {
  @PrimaryColumn({ name: 'shipment_id', type: 'uuid' })
  shipmentId: string;

  @PrimaryColumn({ name: 'order_line_id', type: 'uuid' })
  orderLineId: string;

  @ManyToOne(() => ShipmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shipment_id' })
  shipment?: ShipmentEntity;

  @ManyToOne(() => OrderLineEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_line_id' })
  orderLine?: OrderLineEntity;

  @Column({ type: 'integer' })
  quantity: number;
}
