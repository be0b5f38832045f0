import { Module } from '@nestjs/common';
import { CarrierEventsModule } from 'src/modules/carrier-events/carrier-events.module';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { FulfillmentModule } from 'src/modules/fulfillment/fulfillment.module';
import { OrderAuditEventsResolver } from './order-audit-events.resolver';
import { OrderImportService } from './order-import.service';
import { OrderShipmentsResolver } from './order-shipments.resolver';
import { OrderRepository } from './order.repository';
import { OrderConnectionResolver, OrdersResolver } from './orders.resolver';
import { OrdersService } from './orders.service';

@Module({
  imports: [CarrierEventsModule, ChannelsModule, FulfillmentModule],
  providers: [
    OrderRepository,
    OrdersService,
    OrderImportService,
    OrdersResolver,
    OrderConnectionResolver,
    OrderShipmentsResolver,
    OrderAuditEventsResolver,
  ],
  exports: [OrderRepository, OrdersService, OrderImportService],
})
export class OrdersModule {}
