import { Module } from '@nestjs/common';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { OutboxModule } from 'src/modules/outbox/outbox.module';
import { ReturnSyncStateRepository } from './return-sync-state.repository';
import { ReturnsFactsRepository } from './returns-facts.repository';
import { ReturnsImportService } from './returns-import.service';
import { ReturnsQuery } from './returns-query';
import { ReturnsSyncService } from './returns-sync.service';
import { ReturnsSyncScheduler } from './returns-sync.scheduler';
import {
  AccountReturnsSyncResolver,
  OrderReturnsResolver,
  ReturnConnectionResolver,
  ReturnsResolver,
} from './returns.resolver';
import { ReturnsRepository } from './returns.repository';
import { ReturnsService } from './returns.service';

/** Returns read from the channels (Walmart's Returns API, Amazon's returns report), stored, linked and served. */
@Module({
  imports: [ChannelsModule, OrdersModule, OutboxModule],
  providers: [
    ReturnsRepository,
    ReturnsFactsRepository,
    ReturnsQuery,
    ReturnsImportService,
    ReturnsService,
    ReturnSyncStateRepository,
    ReturnsSyncService,
    ReturnsSyncScheduler,
    ReturnsResolver,
    ReturnConnectionResolver,
    OrderReturnsResolver,
    AccountReturnsSyncResolver,
  ],
  exports: [ReturnsService, ReturnsSyncService, ReturnsFactsRepository],
})
export class ReturnsModule {}
