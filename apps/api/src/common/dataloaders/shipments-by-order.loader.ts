import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { ShipmentEntity } from '../../modules/fulfillment/shipment.entity';
import { groupByKeys } from './group-by';

export function shipmentsByOrderLoader(ds: DataSource) {
  return new DataLoader<string, ShipmentEntity[]>(async (orderIds) => {
    const rows = await ds.getRepository(ShipmentEntity).find({
      where: { orderId: In([...orderIds]) },
      order: { shippedAt: 'ASC', id: 'ASC' },
    });
    return groupByKeys(orderIds, rows, (r) => r.orderId);
  });
}
