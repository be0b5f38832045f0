import { Module } from '@nestjs/common';
import { ActionsModule } from 'src/modules/actions/actions.module';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { McfModule } from 'src/modules/mcf/mcf.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { PushLedgerModule } from 'src/modules/push/ledger/push-ledger.module';
import { ImportFollowUps } from './import-follow-ups';
import { PageImport } from './jobs/page-import';
import { PullOrdersJob } from './jobs/pull-orders.job';
import { OrderQuarantineRepository } from './quarantine/order-quarantine.repository';
import { OrderQuarantineService } from './quarantine/order-quarantine.service';
import { SyncLeases } from './sync-leases';
import { SyncSchedulerService } from './sync-scheduler.service';
import { SyncStateService } from './sync-state.service';
import { SyncResolver } from './sync.resolver';

@Module({
  imports: [ChannelsModule, OrdersModule, ActionsModule, McfModule, PushLedgerModule],
  providers: [
    SyncStateService,
    SyncLeases,
    OrderQuarantineRepository,
    OrderQuarantineService,
    PageImport,
    ImportFollowUps,
    PullOrdersJob,
    SyncSchedulerService,
    SyncResolver,
  ],
  exports: [SyncSchedulerService, SyncStateService, OrderQuarantineService, PageImport, ImportFollowUps],
})
export class SyncModule {}
