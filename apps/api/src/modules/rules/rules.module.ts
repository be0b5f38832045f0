import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { FulfillmentModule } from '../fulfillment/fulfillment.module';
import { OrdersModule } from '../orders/orders.module';
import { RulesResolver } from './rules.resolver';
import { RulesService } from './rules.service';

@Module({
  imports: [OrdersModule, ChannelsModule, FulfillmentModule],
  providers: [RulesService, RulesResolver],
  exports: [RulesService],
})
export class RulesModule {}
