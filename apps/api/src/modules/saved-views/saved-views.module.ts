import { Module } from '@nestjs/common';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { SavedViewRepository } from './saved-view.repository';
import { SavedViewsResolver } from './saved-views.resolver';
import { SavedViewsService } from './saved-views.service';

/** Each person's saved inbox views (filter, columns, sort) and chosen inbox columns. */
@Module({
  imports: [OrdersModule],
  providers: [SavedViewRepository, SavedViewsService, SavedViewsResolver],
  exports: [SavedViewsService],
})
export class SavedViewsModule {}
