import type { McfStatus } from '@order-hub/types';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrderEntity } from 'src/modules/orders/order.entity';

export interface McfPackageRecord {
  packageNumber: number;
  carrierCode: string;
  trackingNumber: string | null;
  /** The hub shipment of the origin order made from this package. */
  shipmentId: string | null;
  /** Why its tracking is not passed on to the origin channel (Amazon Logistics, a carrier the channel refuses…). */
  holdReason: string | null;
  /** When a carrier event showed it moving; tracking goes to the origin channel only after that. */
  movingAt: string | null;
  events: { eventCode: string; eventDate: string; eventDescription: string }[];
}

/** An origin order fulfilled through Amazon MCF, and what Amazon has done with it. */
@Entity('mcf_order')
@Index('ix_mcf_order_next_poll', ['nextPollAt'])
@Index('ix_mcf_order_routing_rule', ['routingRuleId'])
export class McfOrderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_id', type: 'uuid', unique: true })
  orderId: string;

  @OneToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: OrderEntity;

  /** The Amazon account whose inventory fulfils it. */
  @Column({ name: 'mcf_account_id', type: 'uuid' })
  mcfAccountId: string;

  @Column({ name: 'seller_fulfillment_order_id', type: 'varchar', length: 40, unique: true })
  sellerFulfillmentOrderId: string;

  @Column({ type: 'varchar', length: 16 })
  status: McfStatus;

  @Column({ name: 'amazon_status', type: 'varchar', length: 40, nullable: true })
  amazonStatus: string | null;

  @Column({ name: 'shipping_speed', type: 'varchar', length: 16 })
  shippingSpeed: string;

  /** Why the order stays with the operator (preview refused, held tracking). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  packages: McfPackageRecord[];

  @Column({ name: 'next_poll_at', type: 'timestamptz', nullable: true })
  nextPollAt: Date | null;

  @Column({ name: 'routed_by', type: 'varchar', length: 200 })
  routedBy: string;

  /** The routing rule that routed it; null when a person named the MCF account. */
  @Column({ name: 'routing_rule_id', type: 'uuid', nullable: true })
  routingRuleId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
