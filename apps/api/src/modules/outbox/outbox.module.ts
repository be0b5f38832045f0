import { Module } from '@nestjs/common';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { FulfillmentModule } from 'src/modules/fulfillment/fulfillment.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { DeliverOutboxJob } from './jobs/deliver-outbox.job';
import { OutboxAdminService } from './outbox-admin.service';
import { OutboxDeliveryService } from './outbox-delivery.service';
import { OutboxDispatcherService } from './outbox-dispatcher.service';
import { OutboxFollowers } from './outbox-followers';
import { OutboxHubChange } from './outbox-hub-change';
import { OrderOutboxResolver, OutboxResolver } from './outbox.resolver';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

@Module({
  imports: [ChannelsModule, OrdersModule, FulfillmentModule],
  providers: [
    OutboxRepository,
    OutboxService,
    OutboxDeliveryService,
    OutboxDispatcherService,
    OutboxHubChange,
    OutboxFollowers,
    OutboxAdminService,
    DeliverOutboxJob,
    OutboxResolver,
    OrderOutboxResolver,
  ],
  exports: [
    OutboxRepository,
    OutboxService,
    OutboxDeliveryService,
    OutboxAdminService,
    OutboxFollowers,
    OutboxHubChange,
  ],
})
export class OutboxModule {}
