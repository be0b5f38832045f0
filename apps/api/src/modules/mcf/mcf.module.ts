import { Module } from '@nestjs/common';
import { ActionsModule } from 'src/modules/actions/actions.module';
import { CarrierEventsModule } from 'src/modules/carrier-events/carrier-events.module';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { FulfillmentModule } from 'src/modules/fulfillment/fulfillment.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { OutboxModule } from 'src/modules/outbox/outbox.module';
import { RulesModule } from 'src/modules/rules/rules.module';
import { PollMcfJob } from './jobs/poll-mcf.job';
import { McfCancellationService } from './mcf-cancellation.service';
import { McfRepository } from './mcf-order.repository';
import { McfPushes } from './mcf-pushes.service';
import { McfRoutingService } from './mcf-routing.service';
import { McfTrackerService } from './mcf-tracker.service';
import { McfOrderOriginResolver, McfResolver, OrderMcfResolver, RoutingRuleCountsResolver } from './mcf.resolver';
import { McfSkuMapResolver } from './sku-map/mcf-sku-map.resolver';
import { McfSkuMapService } from './sku-map/mcf-sku-map.service';
import { McfSkuMappingRepository } from './sku-map/mcf-sku-mapping.repository';
import { McfStockService } from './sku-map/mcf-stock.service';
import { RoutingRuleRepository } from './routing-rule.repository';
import { RoutingRulesService } from './routing-rules.service';

@Module({
  imports: [
    OrdersModule,
    ChannelsModule,
    FulfillmentModule,
    CarrierEventsModule,
    OutboxModule,
    RulesModule,
    ActionsModule,
  ],
  providers: [
    McfRepository,
    RoutingRuleRepository,
    McfCancellationService,
    RoutingRulesService,
    McfRoutingService,
    McfTrackerService,
    PollMcfJob,
    McfPushes,
    McfResolver,
    OrderMcfResolver,
    McfOrderOriginResolver,
    RoutingRuleCountsResolver,
    McfSkuMappingRepository,
    McfSkuMapService,
    McfStockService,
    McfSkuMapResolver,
  ],
  exports: [McfRepository, McfRoutingService, McfPushes],
})
export class McfModule {}
