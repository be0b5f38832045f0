import { Module } from '@nestjs/common';
import { ComplianceService } from './compliance.service';
import { TrackingCheckService } from './tracking-check.service';

@Module({ providers: [ComplianceService, TrackingCheckService], exports: [ComplianceService] })
export class ComplianceModule {}
