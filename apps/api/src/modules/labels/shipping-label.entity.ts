import type { CarrierCode, LabelFormat, LabelParcel, LabelSource } from '@order-hub/types';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChannelAccountEntity } from 'src/modules/channels/channel-account.entity';
import { OrderEntity } from 'src/modules/orders/order.entity';

/** PENDING while the purchase is under way; FAILED: nothing was bought (the failure says why). */
export type ShippingLabelStatus = 'PENDING' | 'PURCHASED' | 'VOID_REQUESTED' | 'VOIDED' | 'FAILED';

/** A carrier label bought in the hub for one package of an order, with the document the provider sent. */
/** Units of one order line in a package. */
export interface PackageLine {
  lineNumber: string;
  quantity: number;
}

@Entity('shipping_label')
@Index('ix_shipping_label_order', ['orderId', 'createdAt'])
export class ShippingLabelEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: OrderEntity;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => ChannelAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: ChannelAccountEntity;

  /** The shipment the hub recorded for the label; null until recorded, and again once the label is voided. */
  @Column({ name: 'shipment_id', type: 'uuid', nullable: true })
  shipmentId: string | null;

  @Column({ type: 'varchar', length: 12 })
  source: LabelSource;

  @Column({ name: 'provider_shipment_id', type: 'varchar', length: 200, nullable: true })
  providerShipmentId: string | null;

  /** hash(order, package, request token, rate): the same click again finds this row instead of buying twice. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, unique: true })
  idempotencyKey: string;

  @Column({ name: 'request_token', type: 'text' })
  requestToken: string;

  @Column({ name: 'rate_id', type: 'varchar', length: 500 })
  rateId: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  carrier: CarrierCode | null;

  @Column({ name: 'carrier_name', type: 'varchar', length: 100, nullable: true })
  carrierName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  service: string | null;

  @Column({ name: 'service_name', type: 'varchar', length: 200, nullable: true })
  serviceName: string | null;

  @Column({ name: 'tracking_number', type: 'varchar', length: 100, nullable: true })
  trackingNumber: string | null;

  @Column({ name: 'amount_cents', type: 'int', nullable: true })
  amountCents: number | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  currency: string | null;

  @Column({ type: 'varchar', length: 8 })
  format: LabelFormat;

  /** The label as the provider sent it; read only by the document route. */
  @Column({ type: 'bytea', nullable: true, select: false })
  document: Buffer | null;

  @Column({ type: 'jsonb' })
  parcel: LabelParcel;

  /** The units in this package; null: every unit the order had open when the label was bought. */
  @Column({ type: 'jsonb', nullable: true })
  lines: PackageLine[] | null;

  @Column({ name: 'package_index', type: 'int', default: 0 })
  packageIndex: number;

  @Column({ type: 'varchar', length: 16 })
  status: ShippingLabelStatus;

  /** What went wrong, in words: why nothing was bought (FAILED), or what failed after the purchase. */
  @Column({ type: 'text', nullable: true })
  failure: string | null;

  /** Whether the channel recorded the shipment itself when the label was bought (Amazon Buy Shipping). */
  @Column({ name: 'confirmed_by_channel', type: 'boolean', default: false })
  confirmedByChannel: boolean;

  /** Whether the label went to the carrier's corrected address the operator accepted, not the order's own. */
  @Column({ name: 'ship_to_corrected', type: 'boolean', default: false })
  shipToCorrected: boolean;

  @Column({ name: 'purchased_at', type: 'timestamptz', nullable: true })
  purchasedAt: Date | null;

  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  /** When a void was started and its outcome not yet recorded (its confirmation is stopped meanwhile). */
  @Column({ name: 'void_started_at', type: 'timestamptz', nullable: true })
  voidStartedAt: Date | null;

  @Column({ name: 'voidable_until', type: 'timestamptz', nullable: true })
  voidableUntil: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
