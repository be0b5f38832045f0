import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { FieldCost } from 'src/common/graphql/cost-limit';
import { ComplianceMetricType } from '../dto/compliance-report.type';
import { BoughtLabelTrackingService } from './bought-label-tracking.service';

/** `ComplianceMetric.trackingValidByConstruction`: the valid-tracking metric's shipments with a label bought in the hub. */
@Resolver(() => ComplianceMetricType)
export class BoughtLabelTrackingResolver {
  constructor(private readonly service: BoughtLabelTrackingService) {}

  @ResolveField(() => Int, {
    nullable: true,
    complexity: FieldCost.AGGREGATE,
    description:
      "Valid tracking only (else null): the window's shipments whose tracking came from a label bought in the hub, so carrier, service and number are right by construction. The rate still judges them by their carrier scans: one never scanned by its deadline counts as invalid.",
  })
  trackingValidByConstruction(@Parent() metric: ComplianceMetricType): Promise<number> | null {
    if (metric.key !== 'VALID_TRACKING_RATE') return null;
    return this.service.count({
      channel: metric.scope.channel,
      accountId: metric.scope.accountId,
      start: metric.windowStart,
      end: metric.windowEnd,
      category: metric.category,
    });
  }
}
