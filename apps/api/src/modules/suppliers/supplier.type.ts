import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PurchaseOrderFormat, PurchaseOrderMethod, PurchaseOrderStatus, SupplierTrackingState } from '@order-hub/types';
import { PageInfoType } from 'src/common/pagination/page-info.type';

registerEnumType(PurchaseOrderMethod, {
  name: 'PurchaseOrderMethod',
  description: 'EMAIL: sent to the supplier with the order attached; LINK: a link the seller passes on.',
});
registerEnumType(PurchaseOrderFormat, { name: 'PurchaseOrderFormat', description: 'The e-mailed file: CSV or PDF.' });
registerEnumType(PurchaseOrderStatus, {
  name: 'PurchaseOrderStatus',
  description: "SENT (waiting for the supplier's tracking), TRACKING_RECEIVED, CANCELLED.",
});
registerEnumType(SupplierTrackingState, {
  name: 'SupplierTrackingState',
  description:
    "Where the supplier's tracking stands against its due time: WAITING, DUE_SOON (4 h or less left), MISSED, ON_TIME, LATE.",
});

@ObjectType('Supplier', {
  description: 'A dropship supplier: where purchase orders go and how fast tracking must come back.',
})
export class SupplierType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  contactName: string | null;

  @Field(() => String, { nullable: true, description: 'Where purchase orders are e-mailed.' })
  email: string | null;

  @Field(() => [String], { description: 'Addresses or @domains the supplier mails tracking from.' })
  senderAddresses: string[];

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => Int)
  leadTimeBusinessDays: number;

  @Field(() => Int, { description: "Hours before the order's ship-by by which the supplier's tracking is due." })
  trackingDeadlineHours: number;

  @Field(() => PurchaseOrderMethod)
  poMethod: PurchaseOrderMethod;

  @Field(() => PurchaseOrderFormat)
  poFormat: PurchaseOrderFormat;

  @Field()
  active: boolean;

  @Field()
  createdAt: Date;
}

@ObjectType('SupplierSku', { description: 'A SKU the supplier ships, in one account or in any.' })
export class SupplierSkuType {
  @Field()
  sku: string;

  @Field(() => ID, { nullable: true, description: 'Null: in every account.' })
  accountId: string | null;
}

@ObjectType('SupplierScorecard', { description: "A supplier's record over the last days: tracking, numbers, scans." })
export class SupplierScorecardType {
  @Field(() => Int)
  days: number;

  @Field()
  from: Date;

  @Field()
  to: Date;

  @Field(() => Int, { description: 'Purchase orders sent in the window.' })
  purchaseOrders: number;

  @Field(() => Int)
  trackingReceived: number;

  @Field(() => Int, { description: 'Tracking received by its due time.' })
  onTime: number;

  @Field(() => Int, { description: 'Tracking received after its due time.' })
  late: number;

  @Field(() => Int, { description: 'Due and passed with no tracking.' })
  missed: number;

  @Field(() => Int, { description: 'Not yet due, no tracking.' })
  waiting: number;

  @Field(() => Float, { nullable: true, description: 'onTime of those due (0 to 1); null when none was due.' })
  onTimeRate: number | null;

  @Field(() => Int, { description: 'Numbers from the supplier held for review or refused by the rules.' })
  rejectedNumbers: number;

  @Field(() => Int, { description: "Parcels shipped on the supplier's purchase orders." })
  shipments: number;

  @Field(() => Int, { description: "First carrier scan after the channel's late-origin-scan deadline." })
  lateFirstScans: number;

  @Field(() => Int, { description: 'No carrier scan by that deadline, where the hub hears of scans.' })
  neverScanned: number;

  @Field({ description: 'The figures in a sentence.' })
  sentence: string;
}

@ObjectType('PurchaseOrder', { description: 'One order sent to its supplier; its tracking is due by trackingDueAt.' })
export class PurchaseOrderType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'PO-<yymmdd>-<n>.' })
  number: string;

  @Field(() => ID)
  supplierId: string;

  @Field(() => ID)
  orderId: string;

  @Field(() => PurchaseOrderMethod)
  method: PurchaseOrderMethod;

  @Field(() => PurchaseOrderFormat)
  format: PurchaseOrderFormat;

  @Field()
  sentAt: Date;

  @Field(() => String, { nullable: true, description: 'The address e-mailed; null for a link.' })
  sentTo: string | null;

  @Field(() => String)
  sentBy: string;

  @Field(() => Date, { nullable: true, description: 'Null when the order has no ship-by.' })
  trackingDueAt: Date | null;

  @Field(() => Date, { nullable: true })
  trackingReceivedAt: Date | null;

  @Field(() => PurchaseOrderStatus)
  status: PurchaseOrderStatus;

  @Field(() => Date, { nullable: true })
  linkExpiresAt: Date | null;
}

@ObjectType('PurchaseOrderEdge')
export class PurchaseOrderEdgeType {
  @Field()
  cursor: string;

  @Field(() => PurchaseOrderType)
  node: PurchaseOrderType;
}

@ObjectType('PurchaseOrderConnection')
export class PurchaseOrderConnectionType {
  @Field(() => [PurchaseOrderEdgeType])
  edges: PurchaseOrderEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int)
  totalCount: number;
}

@ObjectType('PurchaseOrderResult', { description: 'One order of sendPurchaseOrders: its purchase order, or why not.' })
export class PurchaseOrderResultType {
  @Field(() => ID)
  orderId: string;

  @Field(() => PurchaseOrderType, { nullable: true })
  purchaseOrder: PurchaseOrderType | null;

  @Field(() => String, { nullable: true, description: 'The supplier link to pass on, when the hub can sign one.' })
  linkUrl: string | null;

  @Field(() => Date, { nullable: true })
  linkExpiresAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why no purchase order was sent for this order, in words.' })
  error: string | null;
}
