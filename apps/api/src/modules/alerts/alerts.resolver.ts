import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { z } from 'zod';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { FieldCost, pagedComplexity } from 'src/common/graphql/cost-limit';
import { countOnce } from 'src/common/graphql/connection-count';
import { parseInput } from 'src/common/validation/parse-input';
import { AlertConnectionType } from './alert-connection.type';
import { AlertType, toAlertType } from './alert.type';
import { AlertsService } from './alerts.service';
import { AlertsArgs, alertsArgsSchema, uuid } from './dto/alerts.args';

@Resolver(() => AlertType)
export class AlertsResolver {
  constructor(private readonly service: AlertsService) {}

  @Query(() => AlertConnectionType, {
    complexity: pagedComplexity(50, FieldCost.AGGREGATE),
    description: 'Newest first (opened time, then id); totalCount counts every page.',
  })
  async alerts(@Args() args: AlertsArgs): Promise<AlertConnectionType> {
    const input = parseInput(alertsArgsSchema, args);
    const filter = input.filter ?? {};
    const page = await this.service.page(filter, input.first ?? 50, input.after ?? null);
    const edges = page.rows.map((r) => ({ cursor: r.cursor, node: toAlertType(r.alert) }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: Boolean(input.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      count: () => this.service.count(filter),
    };
  }

  @Mutation(() => AlertType)
  @RequireRole(ApiRole.OPERATOR)
  async acknowledgeAlert(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<AlertType> {
    parseInput(z.object({ id: uuid }), { id });
    return toAlertType(await this.service.acknowledge(id, actorOf(caller)));
  }
}

@Resolver(() => AlertConnectionType)
export class AlertConnectionResolver {
  @ResolveField(() => Int, { description: 'Alerts matching the filter, across all pages.' })
  totalCount(@Parent() connection: AlertConnectionType): Promise<number> {
    return countOnce(connection);
  }
}
