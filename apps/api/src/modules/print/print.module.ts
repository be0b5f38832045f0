import { Module } from '@nestjs/common';
import { AuthModule } from 'src/modules/auth/auth.module';
import { BuyerDataModule } from 'src/modules/buyer-data/buyer-data.module';
import { CatalogModule } from 'src/modules/catalog/catalog.module';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { PrintController } from './print.controller';
import { PrintResolver } from './print.resolver';
import { PrintService } from './print.service';

/** Packing slips and pick lists for a selection: print-ready data for the console's pages, and PDF downloads. */
@Module({
  imports: [AuthModule, BuyerDataModule, CatalogModule, ChannelsModule, OrdersModule],
  controllers: [PrintController],
  providers: [PrintService, PrintResolver],
  exports: [PrintService],
})
export class PrintModule {}
