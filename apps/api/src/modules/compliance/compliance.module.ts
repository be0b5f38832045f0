import { Module } from '@nestjs/common';
import { ComplianceAlarmsScheduler } from './compliance-alarms.scheduler';
import { ComplianceAlarmsService } from './compliance-alarms.service';
import { ComplianceMetricResolver, ComplianceResolver } from './compliance.resolver';
import { ComplianceService } from './compliance.service';
import { TrackingCheckService } from './tracking-check.service';

@Module({
  providers: [ComplianceService, TrackingCheckService, ComplianceResolver, ComplianceMetricResolver, ComplianceAlarmsService, ComplianceAlarmsScheduler],
  exports: [ComplianceService, ComplianceAlarmsService],
})
export class ComplianceModule {}
