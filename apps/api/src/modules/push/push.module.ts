import { Module } from '@nestjs/common';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { SyncModule } from 'src/modules/sync/sync.module';
import { PushLedgerModule } from './ledger/push-ledger.module';

/**
 * Order pushes: subscribing accounts to their channel's pushes, receiving them (the webhook route, the queue
 * consumer), and reading the orders they name.
 */
@Module({
  imports: [ChannelsModule, SyncModule, PushLedgerModule],
  providers: [],
  controllers: [],
})
export class PushModule {}
