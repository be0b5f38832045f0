import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { McfOrderEntity } from '../../modules/mcf/mcf-order.entity';

export function mcfOrderByOrderLoader(ds: DataSource) {
  return new DataLoader<string, McfOrderEntity | null>(async (orderIds) => {
    const rows = await ds.getRepository(McfOrderEntity).findBy({ orderId: In([...orderIds]) });
    const byOrder = new Map(rows.map((r) => [r.orderId, r]));
    return orderIds.map((id) => byOrder.get(id) ?? null);
  });
}
