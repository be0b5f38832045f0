import { Module } from '@nestjs/common';
import { AuthModule } from 'src/modules/auth/auth.module';
import { CarrierScanAlarms } from 'src/modules/alerts/alarms/carrier-scan-alarms';
import { TrackingProviderModule } from 'src/modules/carrier-tracking/provider/tracking-provider.module';
import { ShipmentTrackingModule } from 'src/modules/carrier-tracking/trackers/shipment-tracking.module';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { FulfillmentModule } from 'src/modules/fulfillment/fulfillment.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { OutboxModule } from 'src/modules/outbox/outbox.module';
import { CarrierDataService } from './carrier-data.service';
import { ComplianceAlarmsScheduler } from './compliance-alarms.scheduler';
import { ComplianceAlarmsService } from './compliance-alarms.service';
import { ComplianceMetricResolver, ComplianceResolver } from './compliance.resolver';
import { ComplianceDayCountsRepository } from './compliance-day-counts.repository';
import { ComplianceDayCountsService } from './compliance-day-counts.service';
import { ComplianceService } from './compliance.service';
import { TrackingCheckRepository } from './tracking-check.repository';
import { TrackingCheckService } from './tracking-check.service';
import { ComplianceCsvController } from './csv/compliance-csv.controller';
import { HttpTokenGuard } from './csv/http-token.guard';
import { OrderEvidenceRepository } from './evidence/order-evidence.repository';
import { OrderEvidenceResolver } from './evidence/order-evidence.resolver';
import { OrderEvidenceService } from './evidence/order-evidence.service';
import { PlanOfActionFactsService } from './plan-of-action/plan-of-action-facts.service';
import { PlanOfActionRepository } from './plan-of-action/plan-of-action.repository';
import { PlanOfActionResolver } from './plan-of-action/plan-of-action.resolver';
import { PlanOfActionService } from './plan-of-action/plan-of-action.service';
import { ComplianceSnapshotJob } from './snapshots/compliance-snapshot.job';
import { ComplianceSnapshotRepository } from './snapshots/compliance-snapshot.repository';
import { ComplianceSnapshotScheduler } from './snapshots/compliance-snapshot.scheduler';
import { ComplianceSnapshotService } from './snapshots/compliance-snapshot.service';
import { MetricTrendResolver } from './snapshots/metric-trend.resolver';

/** Evidence, plans of action, CSV downloads, and the daily snapshots behind metric trends. */
const EVIDENCE_AND_TRENDS = [
  OrderEvidenceRepository,
  OrderEvidenceService,
  OrderEvidenceResolver,
  HttpTokenGuard,
  PlanOfActionFactsService,
  PlanOfActionRepository,
  PlanOfActionService,
  PlanOfActionResolver,
  ComplianceSnapshotRepository,
  ComplianceSnapshotService,
  ComplianceSnapshotJob,
  ComplianceSnapshotScheduler,
  MetricTrendResolver,
];

@Module({
  imports: [
    AuthModule,
    OrdersModule,
    ChannelsModule,
    FulfillmentModule,
    OutboxModule,
    TrackingProviderModule,
    ShipmentTrackingModule,
  ],
  controllers: [ComplianceCsvController],
  providers: [
    ...EVIDENCE_AND_TRENDS,
    ComplianceService,
    CarrierDataService,
    ComplianceDayCountsRepository,
    ComplianceDayCountsService,
    TrackingCheckRepository,
    TrackingCheckService,
    ComplianceResolver,
    ComplianceMetricResolver,
    ComplianceAlarmsService,
    ComplianceAlarmsScheduler,
    CarrierScanAlarms,
  ],
  exports: [ComplianceService, ComplianceAlarmsService],
})
export class ComplianceModule {}
