import { Module } from '@nestjs/common';
import { AuthModule } from 'src/modules/auth/auth.module';
import { BuyerMessagesModule } from 'src/modules/buyer-messages/buyer-messages.module';
import { CarrierScanAlarms } from 'src/modules/alerts/alarms/carrier-scan-alarms';
import { TrackingProviderModule } from 'src/modules/carrier-tracking/provider/tracking-provider.module';
import { ShipmentTrackingModule } from 'src/modules/carrier-tracking/trackers/shipment-tracking.module';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { FulfillmentModule } from 'src/modules/fulfillment/fulfillment.module';
import { MailboxModule } from 'src/modules/mailbox/mailbox.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { OutboxModule } from 'src/modules/outbox/outbox.module';
import { ReturnsModule } from 'src/modules/returns/returns.module';
import { SuppliersModule } from 'src/modules/suppliers/suppliers.module';
import { AccountHealthRepository } from './account-health/account-health.repository';
import { AccountHealthResolver } from './account-health/account-health.resolver';
import { AccountHealthScheduler } from './account-health/account-health.scheduler';
import { AccountHealthService } from './account-health/account-health.service';
import { CarrierDataService } from './carrier-data.service';
import { ComplianceAlarmsScheduler } from './compliance-alarms.scheduler';
import { ComplianceAlarmsService } from './compliance-alarms.service';
import { BoughtLabelTrackingResolver } from './bought-labels/bought-label-tracking.resolver';
import { BoughtLabelTrackingService } from './bought-labels/bought-label-tracking.service';
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
import { ReturnClockAlarms } from './returns/return-clock-alarms';
import { ReturnsReportResolver } from './returns/returns-report.resolver';
import { ReturnsReportService } from './returns/returns-report.service';
import { SellerResponseResolver } from './seller-response/seller-response.resolver';
import { SellerResponseService } from './seller-response/seller-response.service';
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

/** The channel's own account health report (Amazon), fetched daily and on demand. */
const ACCOUNT_HEALTH = [AccountHealthRepository, AccountHealthService, AccountHealthResolver, AccountHealthScheduler];

/** The returns section of the report and the refund clock's alarms. */
const RETURNS = [ReturnsReportService, ReturnsReportResolver, ReturnClockAlarms];

/** The seller response rate to buyer messages read from the mailbox. */
const SELLER_RESPONSE = [SellerResponseService, SellerResponseResolver];

@Module({
  imports: [
    AuthModule,
    OrdersModule,
    ChannelsModule,
    FulfillmentModule,
    OutboxModule,
    TrackingProviderModule,
    ShipmentTrackingModule,
    ReturnsModule,
    SuppliersModule,
    MailboxModule,
    BuyerMessagesModule,
  ],
  controllers: [ComplianceCsvController],
  providers: [
    ...EVIDENCE_AND_TRENDS,
    ...ACCOUNT_HEALTH,
    ...RETURNS,
    ...SELLER_RESPONSE,
    ComplianceService,
    CarrierDataService,
    ComplianceDayCountsRepository,
    ComplianceDayCountsService,
    TrackingCheckRepository,
    TrackingCheckService,
    ComplianceResolver,
    ComplianceMetricResolver,
    BoughtLabelTrackingService,
    BoughtLabelTrackingResolver,
    ComplianceAlarmsService,
    ComplianceAlarmsScheduler,
    CarrierScanAlarms,
  ],
  exports: [ComplianceService, ComplianceAlarmsService],
})
export class ComplianceModule {}
