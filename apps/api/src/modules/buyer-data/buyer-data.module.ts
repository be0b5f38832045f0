import { Module } from '@nestjs/common';
import { AuthModule } from 'src/modules/auth/auth.module';
import { BuyerDataAccessCsvController } from './access/buyer-data-access-csv.controller';
import { BuyerDataAccessRepository } from './access/buyer-data-access.repository';
import { BuyerDataAccessResolver } from './access/buyer-data-access.resolver';
import {
  EvidenceBuyerDataResolver,
  OrderBuyerDataResolver,
  OutboxBuyerDataResolver,
} from './access/order-buyer-data.resolver';
import { BuyerDataPurgeModule } from './purge/buyer-data-purge.module';

/**
 * Buyer data as Amazon's Data Protection Policy asks: reads of buyers' addresses logged per person, the log for
 * admins (GraphQL and CSV), and the purge past each channel's retention (BuyerDataPurgeModule, also in the worker).
 */
@Module({
  imports: [AuthModule, BuyerDataPurgeModule],
  controllers: [BuyerDataAccessCsvController],
  providers: [
    BuyerDataAccessRepository,
    BuyerDataAccessResolver,
    OrderBuyerDataResolver,
    EvidenceBuyerDataResolver,
    OutboxBuyerDataResolver,
  ],
  exports: [BuyerDataAccessRepository],
})
export class BuyerDataModule {}
