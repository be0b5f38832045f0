import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { McfStatus } from '@order-hub/types';
import { GraphQLJSON } from 'graphql-scalars';
import type { McfOrderEntity, McfPackageRecord } from './mcf-order.entity';
import type { RouteResult } from './mcf-routing.service';
import type { RoutingRuleEntity } from './routing-rule.entity';

export const RouteOutcome = { ROUTED: 'ROUTED', NOT_ROUTED: 'NOT_ROUTED', REFUSED: 'REFUSED' } as const;
registerEnumType(RouteOutcome, { name: 'RouteOutcome' });
registerEnumType(McfStatus, {
  name: 'McfStatus',
  description:
    "ROUTED: the create call is in the outbox; then Amazon's status (RECEIVED, PLANNING, PROCESSING, COMPLETE), CANCELLED, UNFULFILLABLE, or NOT_ROUTED with the reason when the preview said no.",
});

@ObjectType('McfPackage')
export class McfPackageType {
  @Field(() => Int)
  packageNumber: number;

  @Field({ description: "Amazon's carrier code (UPS, USPS, FedEx, AMZL_US…)." })
  carrierCode: string;

  @Field(() => String, { nullable: true })
  trackingNumber: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The shipment of the origin order made from it, once its tracking was passed on.',
  })
  shipmentId: string | null;

  @Field(() => String, { nullable: true, description: 'Why its tracking is held back from the origin channel.' })
  holdReason: string | null;

  @Field(() => String, { nullable: true, description: 'When a carrier event showed it moving.' })
  movingAt: string | null;

  @Field(() => GraphQLJSON)
  events: unknown;
}

@ObjectType('McfOrder', { description: 'An order fulfilled through Amazon Multi-Channel Fulfillment.' })
export class McfOrderType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orderId: string;

  @Field(() => ID)
  mcfAccountId: string;

  @Field()
  sellerFulfillmentOrderId: string;

  @Field(() => McfStatus)
  status: McfStatus;

  @Field(() => String, { nullable: true })
  amazonStatus: string | null;

  @Field()
  shippingSpeed: string;

  @Field(() => String, { nullable: true, description: 'Why the order stays with the operator.' })
  reason: string | null;

  @Field({ description: 'Some package is held: its tracking was not sent.' })
  held: boolean;

  @Field(() => [McfPackageType])
  packages: McfPackageType[];

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

export function toMcfOrderType(e: McfOrderEntity): McfOrderType {
  return {
    id: e.id,
    orderId: e.orderId,
    mcfAccountId: e.mcfAccountId,
    sellerFulfillmentOrderId: e.sellerFulfillmentOrderId,
    status: e.status,
    amazonStatus: e.amazonStatus,
    shippingSpeed: e.shippingSpeed,
    reason: e.reason,
    held: e.packages.some((p) => p.holdReason),
    packages: e.packages.map((p: McfPackageRecord) => ({ ...p })),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

@ObjectType('RoutingRule')
export class RoutingRuleType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => ID, { description: 'The account whose orders it routes.' })
  accountId: string;

  @Field(() => ID, { description: 'The Amazon account whose MCF stock fulfils them.' })
  mcfAccountId: string;

  @Field()
  enabled: boolean;

  @Field(() => Int)
  priority: number;

  @Field(() => [String])
  skus: string[];

  @Field(() => String, { nullable: true })
  skuPattern: string | null;

  @Field(() => [String])
  countries: string[];

  @Field()
  requireStock: boolean;

  @Field()
  applyOnImport: boolean;
}

export function toRoutingRuleType(e: RoutingRuleEntity): RoutingRuleType {
  return {
    id: e.id,
    name: e.name,
    accountId: e.accountId,
    mcfAccountId: e.mcfAccountId,
    enabled: e.enabled,
    priority: e.priority,
    skus: e.skus,
    skuPattern: e.skuPattern,
    countries: e.countries,
    requireStock: e.requireStock,
    applyOnImport: e.applyOnImport,
  };
}

@InputType()
export class RoutingRuleInput {
  @Field()
  name: string;

  @Field(() => ID)
  accountId: string;

  @Field(() => ID)
  mcfAccountId: string;

  @Field({ nullable: true, defaultValue: true })
  enabled?: boolean;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 100,
    description: 'Lower runs first; the first matching rule routes the order.',
  })
  priority?: number;

  @Field(() => [String], {
    nullable: true,
    defaultValue: [],
    description: 'Exact SKUs; every line must be one of them. Empty: any.',
  })
  skus?: string[];

  @Field(() => String, { nullable: true, description: "A glob every line's SKU must match, e.g. MUG-*." })
  skuPattern?: string | null;

  @Field(() => [String], {
    nullable: true,
    defaultValue: [],
    description: 'ISO alpha-2 ship-to countries. Empty: any.',
  })
  countries?: string[];

  @Field({ nullable: true, defaultValue: true })
  requireStock?: boolean;

  @Field({ nullable: true, defaultValue: true })
  applyOnImport?: boolean;
}

@ObjectType('RouteResult')
export class RouteResultType {
  @Field(() => ID)
  orderId: string;

  @Field(() => RouteOutcome)
  outcome: RouteResult['outcome'];

  @Field(() => String, { nullable: true })
  reason: string | null;
}

@ObjectType('McfQueueCounts', { description: "How many MCF orders each of the console's queue tabs holds." })
export class McfQueueCountsType {
  @Field(() => Int, { description: 'ROUTED, RECEIVED or PLANNING.' })
  pending: number;

  @Field(() => Int, { description: 'PROCESSING.' })
  processing: number;

  @Field(() => Int, { description: 'Some package is held.' })
  held: number;

  @Field(() => Int, { description: 'COMPLETE.' })
  shipped: number;

  @Field(() => Int, { description: 'NOT_ROUTED or UNFULFILLABLE: back with the operator.' })
  operator: number;
}
