import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { returnStatusLabel } from '@order-hub/rules';
import { Channel, RefundClockState, RefundedBy, ReturnReasonCategory, ReturnStatus } from '@order-hub/types';
import { PageInfoType } from 'src/common/pagination/page-info.type';
import { lineRefundedCents, returnedCents, type StoredReturn } from './stored-return';

registerEnumType(ReturnStatus, {
  name: 'ReturnStatus',
  description: 'REQUESTED, IN_TRANSIT (coming back), RECEIVED (a refund is owed), REFUNDED, CLOSED (no refund).',
});
registerEnumType(RefundedBy, { name: 'RefundedBy', description: 'SELLER, or CHANNEL: the channel refunded itself.' });
registerEnumType(ReturnReasonCategory, {
  name: 'ReturnReasonCategory',
  description: "SELLER_FAULT (counts against the seller), BUYER_REMORSE (the buyer's choice), OTHER.",
});
registerEnumType(RefundClockState, { name: 'RefundClockState' });

@ObjectType('ReturnTracking', { description: "The buyer's return label: carrier and tracking number." })
export class ReturnTrackingType {
  @Field(() => String, { nullable: true })
  carrier: string | null;

  @Field()
  trackingNumber: string;
}

@ObjectType('RefundClock', {
  description: "Where a return stands against the channel's refund clock (Walmart: 48 hours from receipt).",
})
export class RefundClockType {
  @Field(() => RefundClockState)
  state: RefundClockState;

  @Field(() => Date, { nullable: true, description: 'When the refund is due; null before receipt or without a clock.' })
  dueAt: Date | null;

  @Field({ description: 'In words: "Refund due in 5 h", "Refund overdue by 3 h", "Walmart refunded it itself".' })
  label: string;
}

@ObjectType('ReturnLine')
export class ReturnLineType {
  @Field({ description: "The channel's return line number (Walmart returnOrderLineNumber; Amazon order item)." })
  returnLineNumber: string;

  @Field()
  channelOrderId: string;

  @Field(() => ID, { nullable: true, description: "The hub's order this line returns from; null if not imported." })
  orderId: string | null;

  @Field(() => String, { nullable: true, description: 'The order line it returns (found by SKU when not given).' })
  lineNumber: string | null;

  @Field(() => String, { nullable: true })
  sku: string | null;

  @Field(() => String, { nullable: true })
  productName: string | null;

  @Field(() => Int, { description: 'Units returned.' })
  quantity: number;

  @Field(() => Int)
  quantityRefunded: number;

  @Field(() => Int, { description: 'Units that may still be refunded: returned − refunded − refunds on their way.' })
  quantityRefundable: number;

  @Field(() => String, { nullable: true, description: "The channel's reason code, as sent." })
  reasonCode: string | null;

  @Field({ description: 'The reason in words.' })
  reasonLabel: string;

  @Field(() => ReturnReasonCategory)
  reasonCategory: ReturnReasonCategory;

  @Field(() => ReturnStatus)
  status: ReturnStatus;

  @Field(() => Date, { nullable: true })
  receivedAt: Date | null;

  @Field(() => RefundedBy, { nullable: true })
  refundedBy: RefundedBy | null;

  @Field(() => Int, { nullable: true, description: 'What one unit was paid (item price, no tax), in cents.' })
  unitPriceCents: number | null;

  @Field(() => Int, { nullable: true, description: 'Tax paid per unit, in cents.' })
  unitTaxCents: number | null;

  @Field(() => Int, { description: 'The refund proposed for the refundable units: their price and tax, in cents.' })
  proposedRefundCents: number;
}

@ObjectType('Return', { description: 'A return the channel reported, linked to its order and lines.' })
export class ReturnType {
  @Field(() => ID)
  id: string;

  @Field(() => Channel)
  channel: Channel;

  @Field(() => ID)
  accountId: string;

  @Field({ description: 'Walmart returnOrderId (RMA); Amazon RMA id.' })
  channelReturnId: string;

  @Field(() => String, { nullable: true })
  customerOrderId: string | null;

  @Field(() => ID, { nullable: true, description: "The hub's order; null until that order is imported." })
  orderId: string | null;

  @Field({ description: "The channel's order number (Walmart purchaseOrderId; Amazon order id)." })
  orderNumber: string;

  @Field(() => ReturnStatus)
  status: ReturnStatus;

  @Field({ description: 'The status in words.' })
  statusLabel: string;

  @Field()
  requestedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the item reached the seller: the refund clock starts.' })
  receivedAt: Date | null;

  @Field(() => Date, { nullable: true })
  refundedAt: Date | null;

  @Field(() => RefundedBy, { nullable: true })
  refundedBy: RefundedBy | null;

  @Field(() => String, { nullable: true, description: 'REFUND or REPLACEMENT (Walmart); null when not said.' })
  returnType: string | null;

  @Field(() => [ReturnTrackingType])
  tracking: ReturnTrackingType[];

  @Field(() => String, { nullable: true })
  labelUrl: string | null;

  @Field({ description: 'Amazon: the buyer opened an A-to-z claim on it.' })
  claim: boolean;

  @Field()
  currency: string;

  @Field(() => Int, { description: 'What the returned units were paid: units × (unit price + tax), in cents.' })
  amountCents: number;

  @Field(() => Int, { description: 'What has been refunded on it, in cents.' })
  refundedCents: number;

  @Field(() => Int, { description: 'Increases with every change; send it back to detect concurrent edits.' })
  version: number;

  @Field()
  updatedAt: Date;

  /** The stored return, for the fields resolved from it (lines, clock). */
  stored: StoredReturn;
}

export function toReturnType(r: StoredReturn): ReturnType {
  return {
    id: r.id,
    channel: r.channel,
    accountId: r.accountId,
    channelReturnId: r.channelReturnId,
    customerOrderId: r.customerOrderId,
    orderId: r.orderId,
    orderNumber: r.channelOrderId,
    status: r.status,
    statusLabel: returnStatusLabel(r.status),
    requestedAt: r.requestedAt,
    receivedAt: r.receivedAt,
    refundedAt: r.refundedAt,
    refundedBy: r.refundedBy,
    returnType: r.returnType,
    tracking: r.tracking,
    labelUrl: r.labelUrl,
    claim: r.claim,
    currency: r.currency,
    amountCents: r.lines.reduce((sum, l) => sum + returnedCents(l), 0),
    refundedCents: r.lines.reduce((sum, l) => sum + lineRefundedCents(l), 0),
    version: r.version,
    updatedAt: r.updatedAt,
    stored: r,
  };
}

@ObjectType('ReturnEdge')
export class ReturnEdgeType {
  @Field()
  cursor: string;

  @Field(() => ReturnType)
  node: ReturnType;
}

@ObjectType('ReturnConnection')
export class ReturnConnectionType {
  @Field(() => [ReturnEdgeType])
  edges: ReturnEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  /** Counted on demand (the totalCount field). */
  count: () => Promise<number>;
}

@ObjectType('ReturnCounts', {
  description: 'Returns of a channel owing a refund, and refunds the channel made itself.',
})
export class ReturnCountsType {
  @Field(() => Int, { description: 'Received and not fully refunded.' })
  refundsDue: number;

  @Field(() => Int, { description: "Of those, with the policy's warning hours or less left." })
  dueSoon: number;

  @Field(() => Int, { description: 'Of those, past the refund deadline.' })
  overdue: number;

  @Field(() => Int, {
    description: 'Returns the channel refunded itself in the last 30 days (they count against the seller).',
  })
  refundedByChannel30d: number;
}
