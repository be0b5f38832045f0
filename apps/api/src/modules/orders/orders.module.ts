import { Module } from '@nestjs/common';
import { OrderIngestService } from './order-ingest.service';
import { OrderConnectionResolver, OrdersResolver } from './orders.resolver';
import { OrdersService } from './orders.service';

@Module({
  providers: [OrdersService, OrderIngestService, OrdersResolver, OrderConnectionResolver],
  exports: [OrdersService, OrderIngestService],
})
export class OrdersModule {}
