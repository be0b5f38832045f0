import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { DeliverOutboxJob } from './jobs/deliver-outbox.job';
import { OutboxAdminService } from './outbox-admin.service';
import { OutboxDeliveryService } from './outbox-delivery.service';
import { OutboxDispatcherService } from './outbox-dispatcher.service';
import { OrderOutboxResolver, OutboxResolver } from './outbox.resolver';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

@Module({
  imports: [ChannelsModule],
  providers: [
    OutboxRepository,
    OutboxService,
    OutboxDeliveryService,
    OutboxDispatcherService,
    OutboxAdminService,
    DeliverOutboxJob,
    OutboxResolver,
    OrderOutboxResolver,
  ],
  exports: [OutboxRepository, OutboxService, OutboxDeliveryService, OutboxAdminService],
})
export class OutboxModule {}
