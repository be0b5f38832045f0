import { Module } from '@nestjs/common';
import { AuthModule } from 'src/modules/auth/auth.module';
import { BuyerDataModule } from 'src/modules/buyer-data/buyer-data.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { PrintModule } from 'src/modules/print/print.module';
import { LabelsModule } from '../labels.module';
import { LabelBatchController } from './label-batch.controller';
import { LabelBatchResolver } from './label-batch.resolver';
import { LabelBatchService } from './label-batch.service';

/** Labels for a selection at once, and their one PDF with the packing slips; built on the labels core. */
@Module({
  imports: [AuthModule, BuyerDataModule, LabelsModule, OrdersModule, PrintModule],
  controllers: [LabelBatchController],
  providers: [LabelBatchService, LabelBatchResolver],
})
export class LabelBatchModule {}
