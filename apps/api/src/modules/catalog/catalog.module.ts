import { Module } from '@nestjs/common';
import { SkuCategoriesResolver } from './sku-categories.resolver';
import { SkuCategoriesService } from './sku-categories.service';

/** The seller's product catalogue as the hub needs it: SKU categories for per-category metrics. */
@Module({
  providers: [SkuCategoriesService, SkuCategoriesResolver],
  exports: [SkuCategoriesService],
})
export class CatalogModule {}
