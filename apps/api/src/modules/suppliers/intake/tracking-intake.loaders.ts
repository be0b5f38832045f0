import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { TrackingIntakeRepository } from './tracking-intake.repository';
import type { TrackingIntakeEntity } from './tracking-intake.entity';

/** Each order's tracking intake, newest first: Order.trackingIntake. */
export const intakeByOrderLoader = defineLoader(
  'trackingIntakeByOrder',
  (ds: DataSource) =>
    new DataLoader<string, TrackingIntakeEntity[]>(async (orderIds) => {
      const rows = await new TrackingIntakeRepository(ds).byOrders(orderIds);
      return orderIds.map((id) => rows.filter((r) => r.orderId === id));
    }),
);
