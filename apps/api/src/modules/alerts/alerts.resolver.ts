import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { z } from 'zod';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { FieldCost, fixedComplexity, pagedComplexity } from 'src/common/graphql/cost-limit';
import { countOnce } from 'src/common/graphql/connection-count';
import { parseInput } from 'src/common/validation/parse-input';
import { AlertConnectionType } from './alert-connection.type';
import { AlertKindCountType } from './alert-groups.type';
import { AlertType, toAlertType } from './alert.type';
import { AlertsService } from './alerts.service';
import { AlertFilter, AlertsArgs, alertsArgsSchema, uuid } from './dto/alerts.args';

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

  @Query(() => [AlertKindCountType], {
    complexity: fixedComplexity(FieldCost.AGGREGATE),
    description: 'The alerts matching the filter grouped by kind, most first.',
  })
  async alertKindCounts(
    @Args('filter', { type: () => AlertFilter, nullable: true }) filter?: AlertFilter | null,
  ): Promise<AlertKindCountType[]> {
    const input = parseInput(alertsArgsSchema, { filter });
    return this.service.countByKind(input.filter ?? {});
  }

  @Mutation(() => Int, {
    description:
      'Marks seen the unresolved alerts with these ids and those of these kinds (at most 500 ids); answers how many were marked.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async markAlertsSeen(
    @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null,
    @Args('kinds', { type: () => [String], nullable: true }) kinds: string[] | null,
    @CurrentCaller() caller: Caller,
  ): Promise<number> {
    const input = parseInput(
      z
        .object({
          ids: z.array(uuid).max(500, { message: 'lists at most 500 alerts.' }).nullish(),
          kinds: z.array(z.string().trim().min(1).max(48)).max(50, { message: 'lists at most 50 kinds.' }).nullish(),
        })
        .refine((v) => (v.ids?.length ?? 0) + (v.kinds?.length ?? 0) > 0, {
          message: 'name the alerts (ids) or their kinds.',
          path: ['ids'],
        }),
      { ids, kinds },
    );
    return this.service.markSeen({ ids: input.ids ?? [], kinds: input.kinds ?? [] }, actorOf(caller));
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
