import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { OrderRepository, type OrderEntity } from './order.repository';

/** Orders by id, batched per request: for every row that names its order (a return, a message, a purchase order). */
export const orderByIdLoader = defineLoader(
  'orderById',
  (ds: DataSource) =>
    new DataLoader<string, OrderEntity | null>(async (orderIds) => {
      const byId = new Map((await new OrderRepository(ds).findByIds(orderIds)).map((o) => [o.id, o]));
      return orderIds.map((id) => byId.get(id) ?? null);
    }),
);
