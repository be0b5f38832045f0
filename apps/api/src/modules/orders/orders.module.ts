import { Module } from '@nestjs/common';
import { CarrierEventsModule } from '../carrier-events/carrier-events.module';
import { OrderIngestService } from './order-ingest.service';
import { OrderRepository } from './order.repository';
import { OrderConnectionResolver, OrdersResolver } from './orders.resolver';
import { OrdersService } from './orders.service';

@Module({
  imports: [CarrierEventsModule],
  providers: [OrderRepository, OrdersService, OrderIngestService, OrdersResolver, OrderConnectionResolver],
  exports: [OrderRepository, OrdersService, OrderIngestService],
})
export class OrdersModule {}
