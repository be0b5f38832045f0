import { Module } from '@nestjs/common';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { FulfillmentModule } from 'src/modules/fulfillment/fulfillment.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { OutboxModule } from 'src/modules/outbox/outbox.module';
import { ReturnsModule } from 'src/modules/returns/returns.module';
import { RulesModule } from 'src/modules/rules/rules.module';
import { TrackingHoldsModule } from 'src/modules/carrier-tracking/holds/tracking-holds.module';
import { AcknowledgeService } from './acknowledge.service';
import { ActionReplays } from './action-replay';
import { ActionsResolver } from './actions.resolver';
import { CancelService } from './cancel.service';
import { FulfilmentCancellers } from './fulfilment-cancellers';
import { ActionableOrders } from './order-action.support';
import { RefundReturnService } from './refund-return.service';
import { RefundService } from './refund.service';
import { ReturnRefundFollower } from './return-refund.follower';
import { ResendService } from './resend.service';
import { ShipmentCsvService } from './shipment-csv.service';
import { ShipService } from './ship.service';

@Module({
  // MCF imports actions (it acknowledges and ships through them) and registers its canceller in FulfilmentCancellers.
  imports: [
    OrdersModule,
    ChannelsModule,
    FulfillmentModule,
    OutboxModule,
    ReturnsModule,
    RulesModule,
    TrackingHoldsModule,
  ],
  providers: [
    ActionableOrders,
    ActionReplays,
    FulfilmentCancellers,
    AcknowledgeService,
    ShipService,
    CancelService,
    RefundService,
    RefundReturnService,
    ReturnRefundFollower,
    ShipmentCsvService,
    ResendService,
    ActionsResolver,
  ],
  exports: [
    ActionableOrders,
    ActionReplays,
    FulfilmentCancellers,
    AcknowledgeService,
    ShipService,
    CancelService,
    ShipmentCsvService,
  ],
})
export class ActionsModule {}
