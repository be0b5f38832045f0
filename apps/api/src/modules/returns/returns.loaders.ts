import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { OutboxRepository } from 'src/modules/outbox/outbox.repository';
import { unitsInFlight } from './returns-in-flight';
import { ReturnSyncStateEntity } from './return-sync-state.entity';
import { ReturnsRepository } from './returns.repository';
import type { StoredReturn } from './stored-return';

/** Each order's returns (linked by the return or by one of its lines), newest request first: Order.returns. */
export const returnsByOrderLoader = defineLoader(
  'returnsByOrder',
  (ds: DataSource) =>
    new DataLoader<string, StoredReturn[]>(async (orderIds) => {
      const rows = await new ReturnsRepository(ds).byOrderIds(orderIds);
      return orderIds.map((id) => rows.filter((r) => r.orderId === id || r.lines.some((l) => l.orderId === id)));
    }),
);

/** Each account's returns sync state (null before its first pull), for ChannelAccount.returnsSync. */
export const returnSyncStateLoader = defineLoader(
  'returnSyncState',
  (ds: DataSource) =>
    new DataLoader<string, ReturnSyncStateEntity | null>(async (accountIds) => {
      const rows = await ds.getRepository(ReturnSyncStateEntity).findBy({ accountId: In([...accountIds]) });
      const byId = new Map(rows.map((r) => [r.accountId, r]));
      return accountIds.map((id) => byId.get(id) ?? null);
    }),
);

/** Each return's units with a refund on its way (ReturnLine.quantityRefundable), read once per request. */
export const unitsInFlightLoader = defineLoader(
  'returnUnitsInFlight',
  (ds: DataSource) =>
    new DataLoader<StoredReturn, Map<string, number>, string>(
      async (returns) => {
        // One query for the page: each return then takes its own rows.
        const open = await new OutboxRepository(ds).findOpenByReturns(returns.map((r) => r.id));
        return returns.map((r) =>
          unitsInFlight(
            r,
            open.filter((row) => (row.payload as { returnId?: string }).returnId === r.id),
          ),
        );
      },
      { cacheKeyFn: (r) => r.id },
    ),
);
