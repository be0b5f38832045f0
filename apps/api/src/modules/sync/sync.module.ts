import { Module } from '@nestjs/common';
import { CarrierEventsModule } from '../carrier-events/carrier-events.module';
import { ActionsModule } from '../actions/actions.module';
import { ChannelsModule } from '../channels/channels.module';
import { McfModule } from '../mcf/mcf.module';
import { OrdersModule } from '../orders/orders.module';
import { PullOrdersJob } from './jobs/pull-orders.job';
import { OrderUpsertService } from './order-upsert.service';
import { SyncSchedulerService } from './sync-scheduler.service';
import { SyncStateService } from './sync-state.service';
import { SyncResolver } from './sync.resolver';

@Module({
  imports: [CarrierEventsModule, ChannelsModule, OrdersModule, ActionsModule, McfModule],
  providers: [OrderUpsertService, SyncStateService, PullOrdersJob, SyncSchedulerService, SyncResolver],
  exports: [OrderUpsertService, SyncSchedulerService, SyncStateService],
})
export class SyncModule {}
