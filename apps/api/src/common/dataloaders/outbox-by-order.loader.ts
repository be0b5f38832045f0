import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { OutboxEntity } from '../../modules/outbox/outbox.entity';
import { groupByKeys } from './group-by';

export function outboxByOrderLoader(ds: DataSource) {
  return new DataLoader<string, OutboxEntity[]>(async (orderIds) => {
    const rows = await ds
      .getRepository(OutboxEntity)
      .find({ where: { orderId: In([...orderIds]) }, order: { seq: 'ASC' } });
    return groupByKeys(orderIds, rows, (r) => r.orderId);
  });
}
