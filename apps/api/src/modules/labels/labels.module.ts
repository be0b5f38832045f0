import { Module } from '@nestjs/common';
import { ActionsModule } from 'src/modules/actions/actions.module';
import { AuthModule } from 'src/modules/auth/auth.module';
import { BuyerDataModule } from 'src/modules/buyer-data/buyer-data.module';
import { TrackingProviderModule } from 'src/modules/carrier-tracking/provider/tracking-provider.module';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { OutboxModule } from 'src/modules/outbox/outbox.module';
import { LabelCostsModule } from './costs/label-costs.module';
import { LabelParcels } from './label-parcels';
import { LabelPurchaseService } from './label-purchase.service';
import { LabelRecoveryScheduler } from './label-recovery.scheduler';
import { LabelRatesService } from './label-rates.service';
import { LabelSellers } from './label-sellers';
import { LabelVoidService } from './label-void.service';
import { LabelPresetsModule } from './presets/label-presets.module';
import { LabelsController } from './labels.controller';
import { AccountShipFromResolver, LabelsResolver, OrderLabelsResolver } from './labels.resolver';
import { ShipFromService } from './ship-from.service';
import { ShippingLabelRepository } from './shipping-label.repository';

/** Labels bought in the hub: rates, purchase, void, reprint and the accounts' ship-from addresses. */
@Module({
  imports: [
    ActionsModule,
    AuthModule,
    BuyerDataModule,
    ChannelsModule,
    OrdersModule,
    OutboxModule,
    TrackingProviderModule,
    LabelPresetsModule,
    LabelCostsModule,
  ],
  controllers: [LabelsController],
  providers: [
    ShippingLabelRepository,
    LabelParcels,
    LabelSellers,
    LabelRatesService,
    LabelPurchaseService,
    LabelVoidService,
    LabelRecoveryScheduler,
    ShipFromService,
    LabelsResolver,
    OrderLabelsResolver,
    AccountShipFromResolver,
  ],
  exports: [ShippingLabelRepository, LabelParcels, LabelRatesService, LabelPurchaseService, LabelVoidService],
})
export class LabelsModule {}
