import DataLoader from 'dataloader';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { In, type DataSource } from 'typeorm';
import { ShipmentEntity } from './shipment.entity';
import { groupByKeys } from 'src/common/dataloaders/group-by';

export const shipmentsByOrderLoader = defineLoader(
  'shipmentsByOrder',
  (ds: DataSource) =>
    new DataLoader<string, ShipmentEntity[]>(async (orderIds) => {
      const rows = await ds.getRepository(ShipmentEntity).find({
        where: { orderId: In([...orderIds]) },
        order: { shippedAt: 'ASC', id: 'ASC' },
      });
      return groupByKeys(orderIds, rows, (r) => r.orderId);
    }),
);
