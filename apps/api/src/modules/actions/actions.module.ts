import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { FulfillmentModule } from '../fulfillment/fulfillment.module';
import { OrdersModule } from '../orders/orders.module';
import { OutboxModule } from '../outbox/outbox.module';
import { RulesModule } from '../rules/rules.module';
import { AcknowledgeService } from './acknowledge.service';
import { ActionsResolver } from './actions.resolver';
import { CancelService } from './cancel.service';
import { ActionableOrders } from './order-action.support';
import { RefundService } from './refund.service';
import { ResendService } from './resend.service';
import { ShipmentCsvService } from './shipment-csv.service';
import { ShipService } from './ship.service';

@Module({
  imports: [OrdersModule, ChannelsModule, FulfillmentModule, OutboxModule, RulesModule],
  providers: [
    ActionableOrders,
    AcknowledgeService,
    ShipService,
    CancelService,
    RefundService,
    ShipmentCsvService,
    ResendService,
    ActionsResolver,
  ],
  exports: [ActionableOrders, AcknowledgeService, ShipService],
})
export class ActionsModule {}
