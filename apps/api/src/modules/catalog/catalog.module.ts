import { Module } from '@nestjs/common';
import { SkuCategoriesResolver } from './sku-categories.resolver';
import { SkuCategoriesService } from './sku-categories.service';
import { SkuCategoryRepository } from './sku-category.repository';
import { SkuBinRepository } from './sku-bin.repository';
import { SkuBinsResolver } from './sku-bins.resolver';
import { SkuBinsService } from './sku-bins.service';
import { SkuWeightRepository } from './sku-weight.repository';
import { SkuWeightsResolver } from './sku-weights.resolver';
import { SkuWeightsService } from './sku-weights.service';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { OrdersModule } from 'src/modules/orders/orders.module';

/** The seller's product catalogue as the hub needs it: SKU categories for per-category metrics, bins for the pick list, weights for label parcels. */
@Module({
  imports: [ChannelsModule, OrdersModule],
  providers: [
    SkuCategoryRepository,
    SkuCategoriesService,
    SkuCategoriesResolver,
    SkuBinRepository,
    SkuBinsService,
    SkuBinsResolver,
    SkuWeightRepository,
    SkuWeightsService,
    SkuWeightsResolver,
  ],
  exports: [SkuCategoryRepository, SkuCategoriesService, SkuBinsService, SkuWeightsService],
})
export class CatalogModule {}
