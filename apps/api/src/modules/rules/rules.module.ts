import { Module } from '@nestjs/common';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { FulfillmentModule } from 'src/modules/fulfillment/fulfillment.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { RulesResolver } from './rules.resolver';
import { RulesService } from './rules.service';

@Module({
  imports: [OrdersModule, ChannelsModule, FulfillmentModule],
  providers: [RulesService, RulesResolver],
  exports: [RulesService],
})
export class RulesModule {}
