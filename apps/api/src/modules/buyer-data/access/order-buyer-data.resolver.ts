import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { buyerDataPolicy } from '@order-hub/rules';
import { OutboxOperation } from '@order-hub/types';
import { GraphQLJSON } from 'graphql-scalars';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import {
  EvidenceChannelCallType,
  EvidenceShipmentType,
  OrderEvidenceType,
} from 'src/modules/compliance/evidence/order-evidence.type';
import { AddressType, OrderType } from 'src/modules/orders/order.type';
import { OutboxEntryType } from 'src/modules/outbox/outbox-entry.type';
import { BuyerDataAccessRepository } from './buyer-data-access.repository';
import { recordBuyerDataRead } from './buyer-data-access-recorder';

/** Order fields holding buyer data: each read is logged (who, which order, when, from where) before it is answered. */
@Resolver(() => OrderType)
export class OrderBuyerDataResolver {
  constructor(private readonly log: BuyerDataAccessRepository) {}

  @ResolveField(() => AddressType, {
    nullable: true,
    description:
      "Where the order ships; name, street and phone are null once the buyer's data is redacted (buyerDataRedactedAt). Each read is logged (buyerDataAccessLog).",
  })
  async shipTo(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<AddressType | null> {
    if (order.shipTo) await recordBuyerDataRead(ctx, this.log, order.id, 'shipTo');
    return order.shipTo;
  }

  @ResolveField(() => GraphQLJSON, {
    description:
      "The channel's own order payload, as received (buyer PII removed once redacted). Each read is logged (buyerDataAccessLog).",
  })
  async rawPayload(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<Record<string, unknown>> {
    await recordBuyerDataRead(ctx, this.log, order.id, 'rawPayload');
    return order.rawPayload;
  }

  @ResolveField(() => Int, {
    description: "Days after delivery the hub keeps the buyer's name, address, phone and e-mail for this channel.",
  })
  buyerDataRetentionDays(@Parent() order: OrderType): number {
    return buyerDataPolicy(order.channel).piiRetentionDaysAfterDelivery;
  }
}

/** The evidence page's address fields (ship-to, delivered-to) and channel calls (an MCF request names the buyer). */
@Resolver(() => OrderEvidenceType)
export class EvidenceBuyerDataResolver {
  constructor(private readonly log: BuyerDataAccessRepository) {}

  @ResolveField(() => [EvidenceShipmentType])
  async shipments(
    @Parent() evidence: OrderEvidenceType,
    @Context() ctx: GraphqlContext,
  ): Promise<EvidenceShipmentType[]> {
    if (evidence.shipments.length) await recordBuyerDataRead(ctx, this.log, evidence.order.id, 'evidence.shipments');
    return evidence.shipments;
  }

  @ResolveField(() => [EvidenceChannelCallType])
  async channelCalls(
    @Parent() evidence: OrderEvidenceType,
    @Context() ctx: GraphqlContext,
  ): Promise<EvidenceChannelCallType[]> {
    if (evidence.channelCalls.length)
      await recordBuyerDataRead(ctx, this.log, evidence.order.id, 'evidence.channelCalls');
    return evidence.channelCalls;
  }
}

/** An MCF order's payload names the buyer and their address (Amazon ships it to them): its reads are logged too. */
@Resolver(() => OutboxEntryType)
export class OutboxBuyerDataResolver {
  constructor(private readonly log: BuyerDataAccessRepository) {}

  @ResolveField(() => GraphQLJSON, {
    description: "What will be (or was) sent, in the hub's terms (an MCF order's address: each read is logged).",
  })
  async payload(@Parent() entry: OutboxEntryType, @Context() ctx: GraphqlContext): Promise<unknown> {
    if (entry.operation === OutboxOperation.MCF_CREATE)
      await recordBuyerDataRead(ctx, this.log, entry.orderId, 'outbox.payload');
    return entry.payload;
  }
}
