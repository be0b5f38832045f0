import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { z } from 'zod';
import { FieldCost, fixedComplexity } from 'src/common/graphql/cost-limit';
import { parseInput } from 'src/common/validation/parse-input';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { ComplianceReportType } from '../dto/compliance-report.type';
import { AccountHealthService } from './account-health.service';
import { AccountHealthType, toAccountHealthType } from './account-health.type';

const refreshArgs = z.object({
  accountId: z.string().uuid({ message: 'must be an id returned by the API (a UUID).' }),
});

@Resolver(() => ComplianceReportType)
export class AccountHealthResolver {
  constructor(private readonly health: AccountHealthService) {}

  @ResolveField(() => [AccountHealthType], {
    nullable: true,
    description:
      "The channel's own account health per account in scope, as last fetched (daily, or by refreshAccountHealth); [] before the first fetch, null for a channel that publishes none.",
  })
  async accountHealth(@Parent() report: ComplianceReportType): Promise<AccountHealthType[] | null> {
    const found = await this.health.latest(report.channel, report.accountId);
    return found && found.map(toAccountHealthType);
  }

  @RequireRole(ApiRole.OPERATOR)
  @Mutation(() => AccountHealthType, {
    complexity: fixedComplexity(FieldCost.REPORT),
    description:
      "Fetches the account's health report from its channel now (Amazon: Reports API, GET_V2_SELLER_PERFORMANCE_REPORT) and stores it.",
  })
  async refreshAccountHealth(@Args('accountId', { type: () => ID }) accountId: string): Promise<AccountHealthType> {
    const input = parseInput(refreshArgs, { accountId });
    return toAccountHealthType(await this.health.refresh(input.accountId));
  }
}
