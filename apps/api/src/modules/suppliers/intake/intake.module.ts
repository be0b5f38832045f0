import { Module } from '@nestjs/common';
import { ActionsModule } from 'src/modules/actions/actions.module';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { FulfillmentModule } from 'src/modules/fulfillment/fulfillment.module';
import { MailboxModule } from 'src/modules/mailbox/mailbox.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { RulesModule } from 'src/modules/rules/rules.module';
import { SuppliersModule } from '../suppliers.module';
import { CsvSupplierIntake } from './csv-supplier-intake';
import { LinkAttempts } from './link-attempts';
import { PurchaseOrderLinkSigner } from './purchase-order-link-signer';
import { SupplierLinkController } from './supplier-link.controller';
import { SupplierLinkService } from './supplier-link.service';
import { SupplierLinks } from './supplier-links';
import { SupplierMailHandler } from './supplier-mail.handler';
import { TrackingIntakeRepository } from './tracking-intake.repository';
import {
  OrderTrackingIntakeResolver,
  TrackingIntakeConnectionResolver,
  TrackingIntakeOrderResolver,
  TrackingIntakeResolver,
} from './tracking-intake.resolver';
import { TrackingIntakeService } from './tracking-intake.service';

/** Supplier tracking numbers from mail, the supplier link and CSV, checked by the ship rules and applied or held for review. */
@Module({
  imports: [
    MailboxModule,
    SuppliersModule,
    ActionsModule,
    RulesModule,
    OrdersModule,
    FulfillmentModule,
    ChannelsModule,
  ],
  controllers: [SupplierLinkController],
  providers: [
    TrackingIntakeRepository,
    TrackingIntakeService,
    SupplierMailHandler,
    CsvSupplierIntake,
    SupplierLinks,
    PurchaseOrderLinkSigner,
    SupplierLinkService,
    LinkAttempts,
    TrackingIntakeResolver,
    TrackingIntakeConnectionResolver,
    TrackingIntakeOrderResolver,
    OrderTrackingIntakeResolver,
  ],
  exports: [TrackingIntakeService, SupplierLinks],
})
export class TrackingIntakeModule {}
