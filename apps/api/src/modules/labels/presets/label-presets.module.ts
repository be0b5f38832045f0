import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit/audit.module';
import { CatalogModule } from 'src/modules/catalog/catalog.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { LabelPresetsResolver } from './label-presets.resolver';
import { LabelPresetsService } from './label-presets.service';
import { PackagePresetRepository } from './package-preset.repository';

/** Package presets and the parcel they propose for an order; the labels core reaches it through LabelParcels. */
@Module({
  imports: [AuditModule, CatalogModule, OrdersModule],
  providers: [PackagePresetRepository, LabelPresetsService, LabelPresetsResolver],
  exports: [LabelPresetsService],
})
export class LabelPresetsModule {}
