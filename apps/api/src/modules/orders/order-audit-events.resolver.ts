import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { OrderType } from './order.type';
import { AuditEventType, toAuditEventType } from 'src/modules/audit/audit-event.type';
import { auditEventsByOrderLoader } from 'src/modules/audit/audit-events-by-order.loader';

/** `Order.auditEvents`, read through the audit module's loader (audit, written by every module, imports none). */
@Resolver(() => OrderType)
export class OrderAuditEventsResolver {
  @ResolveField(() => [AuditEventType])
  async auditEvents(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<AuditEventType[]> {
    return (await ctx.loaders.of(auditEventsByOrderLoader).load(order.id)).map(toAuditEventType);
  }
}
