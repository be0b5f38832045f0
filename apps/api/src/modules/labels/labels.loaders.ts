import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import type { ShipFromAddressEntity } from './ship-from-address.entity';
import type { ShippingLabelEntity } from './shipping-label.entity';
import { ShippingLabelRepository } from './shipping-label.repository';

/** Each order's labels, newest first: Order.labels. */
export const labelsByOrderLoader = defineLoader(
  'labelsByOrder',
  (ds: DataSource) =>
    new DataLoader<string, ShippingLabelEntity[]>(async (orderIds) => {
      const rows = await new ShippingLabelRepository(ds).byOrderIds(orderIds);
      return orderIds.map((id) => rows.filter((r) => r.orderId === id));
    }),
);

/** Each account's ship-from address, or null: ChannelAccount.shipFrom. */
export const shipFromLoader = defineLoader(
  'shipFromByAccount',
  (ds: DataSource) =>
    new DataLoader<string, ShipFromAddressEntity | null>(async (accountIds) => {
      const rows = await new ShippingLabelRepository(ds).shipFromOf(accountIds);
      return accountIds.map((id) => rows.find((r) => r.accountId === id) ?? null);
    }),
);
