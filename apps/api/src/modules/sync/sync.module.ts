import { Module } from '@nestjs/common';
import { ActionsModule } from 'src/modules/actions/actions.module';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { McfModule } from 'src/modules/mcf/mcf.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { PullOrdersJob } from './jobs/pull-orders.job';
import { SyncSchedulerService } from './sync-scheduler.service';
import { SyncStateService } from './sync-state.service';
import { SyncResolver } from './sync.resolver';

@Module({
  imports: [ChannelsModule, OrdersModule, ActionsModule, McfModule],
  providers: [SyncStateService, PullOrdersJob, SyncSchedulerService, SyncResolver],
  exports: [SyncSchedulerService, SyncStateService],
})
export class SyncModule {}
