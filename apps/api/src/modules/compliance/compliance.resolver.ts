import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CHANNELS, Channel, ComplianceMetricKey, MetricOrderSet } from '@order-hub/types';
import { z } from 'zod';
import { FieldCost, fixedComplexity, pagedComplexity } from 'src/common/graphql/cost-limit';
import { decodeCursor, encodeCursor } from 'src/common/pagination/cursor';
import { parseInput } from 'src/common/validation/parse-input';
import { OrderConnectionType } from 'src/modules/orders/order-connection.type';
import { toOrderType } from 'src/modules/orders/order.type';
import { ComplianceService, defectSet } from './compliance.service';
import { ComplianceMetricType, ComplianceReportType, toComplianceMetricType } from './dto/compliance-report.type';

const DEFAULT_PAGE_SIZE = 20;
/** Every metric lists its orders by id, so a cursor (the last id seen) pages any of them. */
const SORT = 'compliance-orders-by-id';
const reportArgs = z.object({
  channel: z.enum(CHANNELS as [Channel, ...Channel[]]),
  accountId: z.string().uuid({ message: 'must be an id returned by the API (a UUID).' }).nullish(),
  asOf: z.date().nullish(),
});
const pageArgs = z.object({
  first: z
    .number()
    .int()
    .min(1, { message: 'must be at least 1.' })
    .max(100, { message: 'must be at most 100.' })
    .nullish(),
  after: z.string().nullish(),
});

@Resolver(() => ComplianceReportType)
export class ComplianceResolver {
  constructor(private readonly service: ComplianceService) {}

  @Query(() => ComplianceReportType, {
    complexity: fixedComplexity(FieldCost.REPORT),
    description:
      "The hub's own compliance metrics for a channel (optionally one account) as of an instant (default now).",
  })
  async complianceReport(
    @Args('channel', { type: () => Channel }) channel: Channel,
    @Args('accountId', { type: () => ID, nullable: true }) accountId?: string | null,
    @Args('asOf', { type: () => Date, nullable: true }) asOf?: Date | null,
  ): Promise<ComplianceReportType> {
    const input = parseInput(reportArgs, { channel, accountId, asOf });
    const report = await this.service.report(input);
    const scope = { channel: input.channel, accountId: input.accountId ?? null, asOf: report.asOf };
    const metrics = report.metrics.map((m) => toComplianceMetricType(m, scope, defectSet(input.channel, m.key)));
    return { ...scope, policyVersion: report.policyVersion, metrics, carrierData: report.carrierData };
  }

  @ResolveField(() => [ComplianceMetricType], {
    description: 'Every metric, or only those of one key (and one category: "" for the whole account).',
  })
  metrics(
    @Parent() report: ComplianceReportType,
    @Args('key', { type: () => ComplianceMetricKey, nullable: true }) key?: ComplianceMetricKey | null,
    @Args('category', {
      type: () => String,
      nullable: true,
      description: 'With key: the product category; "" for the whole-account metric.',
    })
    category?: string | null,
  ): ComplianceMetricType[] {
    return report.metrics.filter(
      (m) =>
        (!key || m.key === key) && (category === null || category === undefined || (m.category ?? '') === category),
    );
  }
}

@Resolver(() => ComplianceMetricType)
export class ComplianceMetricResolver {
  constructor(private readonly service: ComplianceService) {}

  @ResolveField(() => OrderConnectionType, {
    description:
      "The metric's orders of one set (default the numerator's; `defects` names the set that counts against the standard), by id.",
    complexity: pagedComplexity(DEFAULT_PAGE_SIZE, FieldCost.AGGREGATE),
  })
  async orders(
    @Parent() metric: ComplianceMetricType,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('set', { type: () => MetricOrderSet, nullable: true, defaultValue: MetricOrderSet.NUMERATOR })
    set?: MetricOrderSet | null,
  ): Promise<OrderConnectionType> {
    const input = parseInput(pageArgs, { first, after });
    const afterId = input.after ? String(decodeCursor(input.after, SORT)[0]) : null;
    const size = input.first ?? DEFAULT_PAGE_SIZE;
    const request = {
      ...metric.scope,
      key: metric.key,
      category: metric.category,
      set: set ?? MetricOrderSet.NUMERATOR,
    };
    const orders = await this.service.metricOrders({ ...request, first: size + 1, after: afterId });
    const rows = orders
      .slice(0, size)
      .map((o) => ({ cursor: encodeCursor(SORT, [o.id]), node: toOrderType(o), matches: [] }));
    return {
      edges: rows,
      pageInfo: {
        hasNextPage: orders.length > size,
        hasPreviousPage: afterId !== null,
        startCursor: rows[0]?.cursor ?? null,
        endCursor: rows.at(-1)?.cursor ?? null,
      },
      count: () => this.service.metricOrderCount(request),
      approximate: async () => ({ count: await this.service.metricOrderCount(request), exact: true }),
    };
  }
}
