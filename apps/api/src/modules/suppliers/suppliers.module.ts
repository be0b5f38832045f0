import { Module } from '@nestjs/common';
import { BuyerDataModule } from 'src/modules/buyer-data/buyer-data.module';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { PurchaseOrderLinks } from './purchase-order-links';
import { PurchaseOrdersService } from './purchase-orders.service';
import { SupplierClockAlarms } from './supplier-clock-alarms';
import { SupplierScorecardService } from './supplier-scorecard.service';
import { OrderSupplierResolver, PurchaseOrderFieldsResolver, SuppliersResolver } from './suppliers.resolver';
import { SuppliersRepository } from './suppliers.repository';
import { SuppliersService } from './suppliers.service';

/**
 * Dropship suppliers: SKU map, purchase orders, the supplier's tracking clock (its alarms feed the compliance scan)
 * and scorecard (it feeds the plan of action). Tracking intake builds on SuppliersService and signs the links.
 */
@Module({
  imports: [OrdersModule, ChannelsModule, BuyerDataModule],
  providers: [
    SuppliersRepository,
    SuppliersService,
    PurchaseOrderLinks,
    PurchaseOrdersService,
    SupplierScorecardService,
    SupplierClockAlarms,
    SuppliersResolver,
    PurchaseOrderFieldsResolver,
    OrderSupplierResolver,
  ],
  exports: [SuppliersService, PurchaseOrderLinks, SupplierScorecardService, SupplierClockAlarms],
})
export class SuppliersModule {}
