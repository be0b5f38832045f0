import { Module } from '@nestjs/common';
import { ComplianceMetricResolver, ComplianceResolver } from './compliance.resolver';
import { ComplianceService } from './compliance.service';
import { TrackingCheckService } from './tracking-check.service';

@Module({ providers: [ComplianceService, TrackingCheckService, ComplianceResolver, ComplianceMetricResolver], exports: [ComplianceService] })
export class ComplianceModule {}
