import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { defineLoader } from 'src/common/dataloaders/request-loaders';

/** What an order's bought labels cost, in cents (voided and failed ones cost nothing); null when it has none. */
export const labelCostByOrderLoader = defineLoader(
  'labelCostByOrder',
  (ds: DataSource) =>
    new DataLoader<string, number | null>(async (orderIds) => {
      const rows: { order_id: string; cents: number }[] = await ds.query(
        `SELECT order_id, sum(amount_cents)::int AS cents FROM shipping_label
          WHERE status = 'PURCHASED' AND order_id = ANY($1::uuid[]) GROUP BY order_id`,
        [[...orderIds]],
      );
      const byOrder = new Map(rows.map((r) => [r.order_id, r.cents]));
      return orderIds.map((id) => byOrder.get(id) ?? null);
    }),
);
