import DataLoader from 'dataloader';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { In, type DataSource } from 'typeorm';
import { OutboxEntity } from './outbox.entity';
import { groupByKeys } from 'src/common/dataloaders/group-by';

export const outboxByOrderLoader = defineLoader(
  'outboxByOrder',
  (ds: DataSource) =>
    new DataLoader<string, OutboxEntity[]>(async (orderIds) => {
      const rows = await ds
        .getRepository(OutboxEntity)
        .find({ where: { orderId: In([...orderIds]) }, order: { seq: 'ASC' } });
      return groupByKeys(orderIds, rows, (r) => r.orderId);
    }),
);
