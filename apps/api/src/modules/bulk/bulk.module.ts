import { Module } from '@nestjs/common';
import { ActionsModule } from 'src/modules/actions/actions.module';
import { McfModule } from 'src/modules/mcf/mcf.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { BulkResolver } from './bulk.resolver';
import { BulkService } from './bulk.service';

@Module({
  imports: [OrdersModule, ActionsModule, McfModule],
  providers: [BulkService, BulkResolver],
})
export class BulkModule {}
