import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import { parseInput } from 'src/common/validation/parse-input';
import { ComplianceMetricType } from 'src/modules/compliance/dto/compliance-report.type';
import { ComplianceSnapshotService } from './compliance-snapshot.service';
import { ComplianceSnapshotType } from './compliance-snapshot.type';

const MAX_DAYS = 366;
const args = z.object({
  days: z
    .number()
    .int()
    .min(1, { message: 'must be at least 1.' })
    .max(MAX_DAYS, { message: `must be at most ${MAX_DAYS}.` }),
});

@Resolver(() => ComplianceMetricType)
export class MetricTrendResolver {
  constructor(private readonly snapshots: ComplianceSnapshotService) {}

  @ResolveField(() => [ComplianceSnapshotType], {
    description:
      "The metric's daily snapshots over the `days` UTC days ending with the report's day, oldest first (days never captured are absent).",
    complexity: ({ args: a, childComplexity }: { args: { days?: number | null }; childComplexity: number }) =>
      1 + Math.min(a.days ?? 30, MAX_DAYS) * Math.max(childComplexity, 1),
  })
  async trend(
    @Parent() metric: ComplianceMetricType,
    @Args('days', { type: () => Int, nullable: true, defaultValue: 30 }) days: number | null,
  ): Promise<ComplianceSnapshotType[]> {
    const input = parseInput(args, { days: days ?? 30 });
    return this.snapshots.trend({
      channel: metric.scope.channel,
      accountId: metric.scope.accountId,
      key: metric.key,
      category: metric.category ?? null,
      until: metric.scope.asOf,
      days: input.days,
    });
  }
}
