import type { CarrierCode } from './carrier';
import type { Channel } from './channel';
import type { OrderStatus, PackageType } from './order';

/** What the rules need to know about one order line. */
export interface OrderLineSnapshot {
  lineNumber: string;
  quantityOrdered: number;
  quantityShipped: number;
  quantityCancelled: number;
  quantityRefunded?: number;
  /** What the customer paid for the line (item, shipping and tax), in cents: the ceiling for refunds. */
  chargeCents?: number;
  /** Already refunded on the line, in cents. */
  refundedCents?: number;
  /** The buyer asked to cancel the line (Walmart `intentToCancel`); reasons reserved for a buyer's request need it. */
  cancellationRequested?: boolean;
}

/** What the rules need to know about an order. */
export interface OrderSnapshot {
  /** Walmart purchaseOrderId / Amazon orderId. */
  channelOrderId: string;
  /** Walmart customerOrderId (the number the customer sees). */
  customerOrderId?: string | null;
  orderedAt: Date;
  status: OrderStatus;
  /** Order value including shipping, excluding tax, in cents (Amazon's letter/flat exemption). */
  totalCents?: number;
  lines: OrderLineSnapshot[];
}

export interface PackageInput {
  type: PackageType;
  weightOz?: number | null;
  lengthIn?: number | null;
  widthIn?: number | null;
  heightIn?: number | null;
}

export interface LineQuantity {
  lineNumber: string;
  quantity: number;
}

/** A shipment confirmation as the operator (or a warehouse tool) enters it. */
export interface ShipmentInput {
  channel: Channel;
  order: OrderSnapshot;
  lines: LineQuantity[];
  carrier: CarrierCode;
  /** The carrier's name when `carrier` is OTHER. */
  carrierName?: string | null;
  service?: string | null;
  trackingNumber: string;
  trackingUrl?: string | null;
  shippedAt: Date;
  package?: PackageInput | null;
}

export interface CancellationLineInput extends LineQuantity {
  reason: string;
}

export interface CancellationInput {
  channel: Channel;
  order: OrderSnapshot;
  lines: CancellationLineInput[];
}

export interface RefundLineInput {
  lineNumber: string;
  amountCents: number;
  reason: string;
  /** Walmart: refund item, tax and shipping in full. */
  isFullRefund?: boolean;
}

export interface RefundInput {
  channel: Channel;
  order: OrderSnapshot;
  lines: RefundLineInput[];
}
