import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { FieldCost, fixedComplexity } from 'src/common/graphql/cost-limit';
import { ComplianceReportType } from '../dto/compliance-report.type';
import { SellerResponseService } from './seller-response.service';
import { SellerResponseType } from './seller-response.type';

@Resolver(() => ComplianceReportType)
export class SellerResponseResolver {
  constructor(private readonly service: SellerResponseService) {}

  @ResolveField(() => SellerResponseType, {
    complexity: fixedComplexity(FieldCost.REPORT),
    description:
      'Buyer messages due in the 30 days before asOf answered by their deadline (the reply seen in Sent, or marked by hand).',
  })
  sellerResponse(@Parent() parent: ComplianceReportType): Promise<SellerResponseType> {
    return this.service.report({ channel: parent.channel, accountId: parent.accountId, asOf: parent.asOf });
  }
}
