import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit/audit.module';
import { BuyerDataPurgeRepository } from './buyer-data-purge.repository';
import { BuyerDataPurgeScheduler } from './buyer-data-purge.scheduler';
import { BuyerDataPurgeService } from './buyer-data-purge.service';

/** The scheduled removal of buyer PII past its channel's retention; loaded by the api and the worker. */
@Module({
  imports: [AuditModule],
  providers: [BuyerDataPurgeRepository, BuyerDataPurgeService, BuyerDataPurgeScheduler],
  exports: [BuyerDataPurgeService],
})
export class BuyerDataPurgeModule {}
