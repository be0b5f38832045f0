import DataLoader from 'dataloader';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { In, type DataSource } from 'typeorm';
import { OrderLineEntity } from './order-line.entity';
import { groupByKeys } from 'src/common/dataloaders/group-by';

export const linesByOrderLoader = defineLoader(
  'linesByOrder',
  (ds: DataSource) =>
    new DataLoader<string, OrderLineEntity[]>(async (orderIds) => {
      const rows = await ds.getRepository(OrderLineEntity).find({
        where: { orderId: In([...orderIds]) },
        order: { orderId: 'ASC', lineNumber: 'ASC' },
      });
      return groupByKeys(orderIds, rows, (r) => r.orderId);
    }),
);
