import DataLoader from 'dataloader';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { In, type DataSource } from 'typeorm';
import { AccountSyncStateEntity } from './account-sync-state.entity';
import {
  OrderQuarantineRepository,
  QUARANTINE_LATEST,
  type QuarantineSummary,
} from './quarantine/order-quarantine.repository';

export const syncStateByAccountLoader = defineLoader(
  'syncStateByAccount',
  (ds: DataSource) =>
    new DataLoader<string, AccountSyncStateEntity | null>(async (ids) => {
      const rows = await ds.getRepository(AccountSyncStateEntity).findBy({ accountId: In([...ids]) });
      const byId = new Map(rows.map((r) => [r.accountId, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
);

/** Per account: its open quarantine entries and the latest of them. */
export const quarantineByAccountLoader = defineLoader(
  'quarantineByAccount',
  (ds: DataSource) =>
    new DataLoader<string, QuarantineSummary>((ids) =>
      new OrderQuarantineRepository(ds).summaries(ids, QUARANTINE_LATEST),
    ),
);
