import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Channel,
  FulfillmentMethod,
  OrderLineStatus,
  OrderStatus,
  OrderType as ChannelOrderType,
  PackageType,
} from '@order-hub/types';
import { isExpeditedShipMethod, shipMethodLabel } from '@order-hub/rules';
import { GraphQLJSON } from 'graphql-scalars';
import type { OrderEntity } from './order.entity';

registerEnumType(OrderStatus, { name: 'OrderStatus' });
registerEnumType(OrderLineStatus, { name: 'OrderLineStatus' });
registerEnumType(FulfillmentMethod, {
  name: 'FulfillmentMethod',
  description:
    'MERCHANT: the seller ships; MCF: Amazon Multi-Channel Fulfillment ships; CHANNEL: WFS / FBA (read-only).',
});
registerEnumType(PackageType, { name: 'PackageType' });
registerEnumType(ChannelOrderType, {
  name: 'ChannelOrderType',
  description: 'REGULAR, or REPLACEMENT: the channel re-ships an earlier customer order (Walmart orderType).',
});

@ObjectType('Money', { description: 'An amount in integer minor units (cents) and its ISO 4217 currency.' })
export class MoneyType {
  @Field(() => Int)
  amountCents: number;

  @Field()
  currency: string;
}

@ObjectType('Address')
export class AddressType {
  @Field(() => String, {
    nullable: true,
    description: "Null once the buyer's data is redacted (Order.buyerDataRedactedAt).",
  })
  name: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Null once the buyer's data is redacted (Order.buyerDataRedactedAt).",
  })
  line1: string | null;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field(() => String, { nullable: true })
  line3?: string | null;

  @Field()
  city: string;

  @Field()
  stateOrRegion: string;

  @Field({ description: "Only the first three characters (ZIP3) once the buyer's data is redacted." })
  postalCode: string;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  countryCode: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}

@ObjectType('Order')
export class OrderType {
  @Field(() => ID)
  id: string;

  accountId: string;

  @Field(() => Channel)
  channel: Channel;

  @Field({ description: 'Walmart purchaseOrderId / Amazon orderId.' })
  channelOrderId: string;

  @Field(() => String, { nullable: true })
  customerOrderId: string | null;

  @Field()
  orderedAt: Date;

  @Field(() => OrderStatus)
  status: OrderStatus;

  @Field(() => Date, { nullable: true })
  shipBy: Date | null;

  @Field(() => Date, { nullable: true })
  deliverBy: Date | null;

  @Field(() => Date, { nullable: true, description: 'Deadline to acknowledge (Walmart: 4 hours); null where none.' })
  acknowledgeBy: Date | null;

  @Field(() => Date, { nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the channel cancels lines still unshipped, per the policy in force.',
  })
  autoCancelAt: Date | null;

  @Field(() => String, { nullable: true })
  shipMethod: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The ship method in words ("Two-day", "Standard"); null when none.',
  })
  shipMethodLabel: string | null;

  @Field({
    description:
      'The buyer paid for faster than standard delivery (two-day, next day, priority, Prime…), per the rules.',
  })
  expedited: boolean;

  @Field(() => FulfillmentMethod)
  fulfillmentMethod: FulfillmentMethod;

  @Field(() => AddressType, { nullable: true })
  shipTo: AddressType | null;

  @Field(() => String, {
    nullable: true,
    description: 'Ship-to state or region (e.g. CA); kept after buyer data is redacted.',
  })
  shipToState: string | null;

  @Field(() => MoneyType)
  total: MoneyType;

  @Field(() => MoneyType, {
    nullable: true,
    description: 'Items and shipping before tax; null when the channel does not break the total down.',
  })
  merchandise: MoneyType | null;

  @Field(() => ChannelOrderType, {
    nullable: true,
    description: 'Walmart orderType; null when the channel does not say.',
  })
  orderType: ChannelOrderType | null;

  @Field(() => String, {
    nullable: true,
    description: 'The customer order a replacement order replaces (Walmart originalCustomerOrderID).',
  })
  originalCustomerOrderId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Where the channel routed the order to ship from (Walmart shipNode.type: SellerFulfilled, WFSFulfilled, 3PLFulfilled).',
  })
  shipNodeType: string | null;

  @Field(() => GraphQLJSON, { description: "The channel's own order payload, as received." })
  rawPayload: Record<string, unknown>;

  @Field(() => Int, { description: 'Increases with every change; send it back to detect concurrent edits.' })
  version: number;

  @Field({
    description:
      'The buyer asked to cancel a line the seller has not answered (Walmart intent to cancel, Amazon cancellation request).',
  })
  cancellationRequested: boolean;

  @Field()
  updatedAt: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      "When the buyer's name, street, phone and e-mail were removed under the channel's retention (city, state, ZIP3, dates and tracking stay); null while kept.",
  })
  buyerDataRedactedAt: Date | null;
}

export function toOrderType(e: OrderEntity): OrderType {
  return {
    id: e.id,
    accountId: e.accountId,
    channel: e.channel,
    channelOrderId: e.channelOrderId,
    customerOrderId: e.customerOrderId,
    orderedAt: e.orderedAt,
    status: e.status,
    shipBy: e.shipBy,
    deliverBy: e.deliverBy,
    acknowledgeBy: e.acknowledgeBy,
    acknowledgedAt: e.acknowledgedAt,
    autoCancelAt: e.autoCancelAt,
    shipMethod: e.shipMethod,
    shipMethodLabel: shipMethodLabel(e.channel, e.shipMethod),
    expedited: isExpeditedShipMethod(e.channel, e.shipMethod),
    fulfillmentMethod: e.fulfillmentMethod,
    shipTo: e.shipTo,
    shipToState: e.shipTo?.stateOrRegion ?? null,
    total: { amountCents: e.totalCents, currency: e.currency },
    merchandise: e.merchandiseCents === null ? null : { amountCents: e.merchandiseCents, currency: e.currency },
    orderType: e.orderType,
    originalCustomerOrderId: e.originalCustomerOrderId,
    shipNodeType: e.shipNodeType,
    rawPayload: e.rawPayload,
    version: e.version,
    cancellationRequested: e.cancellationRequested,
    updatedAt: e.updatedAt,
    buyerDataRedactedAt: e.buyerDataRedactedAt ?? null,
  };
}
