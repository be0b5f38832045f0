import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { FieldCost, fixedComplexity } from 'src/common/graphql/cost-limit';
import { ApiRole, CHANNELS, Channel, ComplianceMetricKey } from '@order-hub/types';
import { z } from 'zod';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { parseInput } from 'src/common/validation/parse-input';
import { defectSet } from 'src/modules/compliance/compliance.service';
import { toComplianceMetricType } from 'src/modules/compliance/dto/compliance-report.type';
import { PlanOfActionService, type PlanOfAction } from './plan-of-action.service';
import { PlanOfActionInput, PlanOfActionType } from './plan-of-action.type';

const MAX_SECTION = 20_000;
const scope = z.object({
  channel: z.enum(CHANNELS as [Channel, ...Channel[]]),
  accountId: z.string().uuid({ message: 'must be an id returned by the API (a UUID).' }).nullish(),
  metric: z.enum(Object.values(ComplianceMetricKey) as [ComplianceMetricKey, ...ComplianceMetricKey[]]),
  category: z
    .string()
    .trim()
    .min(1, { message: 'must not be empty; leave it out for all categories.' })
    .max(100, { message: 'must be at most 100 characters.' })
    .nullish(),
  windowEnd: z.date().nullish(),
});
const section = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty.' })
  .max(MAX_SECTION, { message: `must be at most ${MAX_SECTION} characters.` });
const saveInput = scope.extend({ rootCause: section, correctiveActions: section, preventiveMeasures: section });

function toType(p: PlanOfAction): PlanOfActionType {
  const { request, metric, draft, saved } = p;
  return {
    channel: request.channel,
    accountId: request.accountId,
    metric: request.metric,
    category: request.category,
    windowEnd: request.windowEnd,
    metricReport: toComplianceMetricType(
      metric,
      { channel: request.channel, accountId: request.accountId, asOf: request.windowEnd },
      defectSet(request.channel, request.metric),
    ),
    affectedOrders: draft.affectedOrders,
    causes: draft.causes,
    sources: draft.sources,
    controls: draft.controls.map((c) => ({ code: c.code, description: c.description })),
    draft: {
      rootCause: draft.rootCause,
      correctiveActions: draft.correctiveActions,
      preventiveMeasures: draft.preventiveMeasures,
    },
    saved,
  };
}

@Resolver(() => PlanOfActionType)
export class PlanOfActionResolver {
  constructor(private readonly plans: PlanOfActionService) {}

  @Query(() => PlanOfActionType, {
    complexity: fixedComplexity(FieldCost.REPORT),
    description:
      'A plan of action for a metric drafted from the data (root cause, corrective actions, preventive measures), with the saved text if any.',
  })
  async planOfAction(
    @Args('channel', { type: () => Channel }) channel: Channel,
    @Args('metric', { type: () => ComplianceMetricKey }) metric: ComplianceMetricKey,
    @Args('accountId', { type: () => ID, nullable: true }) accountId?: string | null,
    @Args('category', { type: () => String, nullable: true }) category?: string | null,
    @Args('windowEnd', { type: () => Date, nullable: true }) windowEnd?: Date | null,
  ): Promise<PlanOfActionType> {
    const input = parseInput(scope, { channel, accountId, metric, category, windowEnd });
    return toType(
      await this.plans.plan({
        ...input,
        accountId: input.accountId ?? null,
        category: input.category ?? null,
        windowEnd: input.windowEnd ?? null,
      }),
    );
  }

  @RequireRole(ApiRole.OPERATOR)
  @Mutation(() => PlanOfActionType, {
    complexity: fixedComplexity(FieldCost.REPORT),
    description:
      "Saves the operator's edited plan for the metric and the UTC day of windowEnd (replacing an earlier save).",
  })
  async savePlanOfAction(
    @Args('input', { type: () => PlanOfActionInput }) input: PlanOfActionInput,
    @CurrentCaller() caller: Caller,
  ): Promise<PlanOfActionType> {
    const v = parseInput(z.object({ input: saveInput }), { input }).input;
    const request = {
      channel: v.channel,
      accountId: v.accountId ?? null,
      metric: v.metric,
      category: v.category ?? null,
      windowEnd: v.windowEnd ?? null,
    };
    return toType(
      await this.plans.save(
        request,
        { rootCause: v.rootCause, correctiveActions: v.correctiveActions, preventiveMeasures: v.preventiveMeasures },
        actorOf(caller),
      ),
    );
  }
}
