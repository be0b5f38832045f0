import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { OrderAuditEventsResolver } from './order-audit-events.resolver';

@Global()
@Module({ providers: [AuditService, OrderAuditEventsResolver], exports: [AuditService] })
export class AuditModule {}
