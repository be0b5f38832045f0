import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { RulesModule } from '../rules/rules.module';
import { AcknowledgeService } from './acknowledge.service';
import { ActionsResolver } from './actions.resolver';
import { CancelService } from './cancel.service';
import { RefundService } from './refund.service';
import { ResendService } from './resend.service';
import { ShipmentCsvService } from './shipment-csv.service';
import { ShipService } from './ship.service';

@Module({
  imports: [OutboxModule, RulesModule],
  providers: [
    AcknowledgeService,
    ShipService,
    CancelService,
    RefundService,
    ShipmentCsvService,
    ResendService,
    ActionsResolver,
  ],
  exports: [AcknowledgeService, ShipService],
})
export class ActionsModule {}
