import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKeys } from 'src/common/dataloaders/group-by';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { TrackingHoldEntity } from './tracking-hold.entity';

export const trackingHoldsByOrderLoader = defineLoader(
  'trackingHoldsByOrder',
  (ds: DataSource) =>
    new DataLoader<string, TrackingHoldEntity[]>(async (orderIds) => {
      const rows = await ds.getRepository(TrackingHoldEntity).find({
        where: { orderId: In([...orderIds]) },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      return groupByKeys(orderIds, rows, (r) => r.orderId);
    }),
);
