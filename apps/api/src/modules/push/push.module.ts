import { Module } from '@nestjs/common';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { McfModule } from 'src/modules/mcf/mcf.module';
import { SyncModule } from 'src/modules/sync/sync.module';
import { FetchPushedOrderJob } from './inbox/fetch-pushed-order.job';
import { PendingPushSweepScheduler } from './inbox/pending-push-sweep.scheduler';
import { PushInbox } from './inbox/push-inbox.service';
import { PushLedgerModule } from './ledger/push-ledger.module';
import { PushResolver } from './push.resolver';
import { PushQueueConsumer } from './queue/push-queue.consumer';
import { PushSubscriptionsService } from './subscriptions/push-subscriptions.service';
import { PushWebhookRoute } from './webhook/push-webhook.route';

/**
 * Order pushes: subscribing accounts to their channel's pushes, receiving them (the webhook route, the queue
 * consumer), and reading the orders they name.
 */
@Module({
  imports: [ChannelsModule, SyncModule, PushLedgerModule, McfModule],
  providers: [
    PushInbox,
    FetchPushedOrderJob,
    PendingPushSweepScheduler,
    PushSubscriptionsService,
    PushResolver,
    PushWebhookRoute,
    PushQueueConsumer,
  ],
  controllers: [],
  exports: [PushInbox, PushSubscriptionsService],
})
export class PushModule {}
