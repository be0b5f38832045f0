import { Module } from '@nestjs/common';
import { SkuCategoriesResolver } from './sku-categories.resolver';
import { SkuCategoriesService } from './sku-categories.service';
import { SkuCategoryRepository } from './sku-category.repository';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { OrdersModule } from 'src/modules/orders/orders.module';

/** The seller's product catalogue as the hub needs it: SKU categories for per-category metrics. */
@Module({
  imports: [ChannelsModule, OrdersModule],
  providers: [SkuCategoryRepository, SkuCategoriesService, SkuCategoriesResolver],
  exports: [SkuCategoryRepository, SkuCategoriesService],
})
export class CatalogModule {}
