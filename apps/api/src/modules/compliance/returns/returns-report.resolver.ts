import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { FieldCost, fixedComplexity } from 'src/common/graphql/cost-limit';
import { ComplianceReportType } from '../dto/compliance-report.type';
import { ComplianceReturnsType } from './returns-report.type';
import { ReturnsReportService } from './returns-report.service';

@Resolver(() => ComplianceReportType)
export class ReturnsReportResolver {
  constructor(private readonly service: ReturnsReportService) {}

  @ResolveField(() => ComplianceReturnsType, {
    complexity: fixedComplexity(FieldCost.REPORT),
    description:
      "Returns and refunds over the return rate's window (Walmart 60 days): the return rate, refunds by reason category, returns by reason, and the refunds the channel issued itself.",
  })
  returns(@Parent() parent: ComplianceReportType): Promise<ComplianceReturnsType> {
    return this.service.report({ channel: parent.channel, accountId: parent.accountId, asOf: parent.asOf });
  }
}
