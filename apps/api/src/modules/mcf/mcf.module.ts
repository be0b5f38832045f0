import { Module } from '@nestjs/common';
import { CarrierEventsModule } from '../carrier-events/carrier-events.module';
import { ActionsModule } from '../actions/actions.module';
import { ChannelsModule } from '../channels/channels.module';
import { OutboxModule } from '../outbox/outbox.module';
import { RulesModule } from '../rules/rules.module';
import { PollMcfJob } from './jobs/poll-mcf.job';
import { McfQueryService } from './mcf-query.service';
import { McfRoutingService } from './mcf-routing.service';
import { McfTrackerService } from './mcf-tracker.service';
import { McfResolver, OrderMcfResolver } from './mcf.resolver';
import { RoutingRulesService } from './routing-rules.service';

@Module({
  imports: [CarrierEventsModule, ChannelsModule, OutboxModule, RulesModule, ActionsModule],
  providers: [
    RoutingRulesService,
    McfRoutingService,
    McfTrackerService,
    McfQueryService,
    PollMcfJob,
    McfResolver,
    OrderMcfResolver,
  ],
  exports: [McfRoutingService],
})
export class McfModule {}
