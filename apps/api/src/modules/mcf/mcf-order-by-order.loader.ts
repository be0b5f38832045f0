import DataLoader from 'dataloader';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { In, type DataSource } from 'typeorm';
import { McfOrderEntity } from './mcf-order.entity';

export const mcfOrderByOrderLoader = defineLoader(
  'mcfOrderByOrder',
  (ds: DataSource) =>
    new DataLoader<string, McfOrderEntity | null>(async (orderIds) => {
      const rows = await ds.getRepository(McfOrderEntity).findBy({ orderId: In([...orderIds]) });
      const byOrder = new Map(rows.map((r) => [r.orderId, r]));
      return orderIds.map((id) => byOrder.get(id) ?? null);
    }),
);
