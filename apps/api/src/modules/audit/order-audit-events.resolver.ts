import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../common/graphql/graphql-context';
import { OrderType } from '../orders/order.type';
import { AuditEventType, toAuditEventType } from './audit-event.type';
import { auditEventsByOrderLoader } from './audit-events-by-order.loader';

/** `Order.auditEvents`: the audit trail is this module's table. */
@Resolver(() => OrderType)
export class OrderAuditEventsResolver {
  @ResolveField(() => [AuditEventType])
  async auditEvents(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<AuditEventType[]> {
    return (await ctx.loaders.of(auditEventsByOrderLoader).load(order.id)).map(toAuditEventType);
  }
}
