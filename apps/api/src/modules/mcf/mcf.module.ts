import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { CarrierEventsModule } from '../carrier-events/carrier-events.module';
import { ChannelsModule } from '../channels/channels.module';
import { FulfillmentModule } from '../fulfillment/fulfillment.module';
import { OrdersModule } from '../orders/orders.module';
import { OutboxModule } from '../outbox/outbox.module';
import { RulesModule } from '../rules/rules.module';
import { PollMcfJob } from './jobs/poll-mcf.job';
import { McfCancellationService } from './mcf-cancellation.service';
import { McfRepository } from './mcf-order.repository';
import { McfRoutingService } from './mcf-routing.service';
import { McfTrackerService } from './mcf-tracker.service';
import { McfResolver, OrderMcfResolver } from './mcf.resolver';
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
    McfResolver,
    OrderMcfResolver,
  ],
  exports: [McfRepository, McfRoutingService],
})
export class McfModule {}
