import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { OrderLineEntity } from '../../modules/orders/order-line.entity';
import { groupByKeys } from './group-by';

export function linesByOrderLoader(ds: DataSource) {
  return new DataLoader<string, OrderLineEntity[]>(async (orderIds) => {
    const rows = await ds.getRepository(OrderLineEntity).find({
      where: { orderId: In([...orderIds]) },
      order: { orderId: 'ASC', lineNumber: 'ASC' },
    });
    return groupByKeys(orderIds, rows, (r) => r.orderId);
  });
}
