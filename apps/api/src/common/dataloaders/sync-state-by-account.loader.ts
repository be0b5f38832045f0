import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { AccountSyncStateEntity } from '../../modules/sync/account-sync-state.entity';

export function syncStateByAccountLoader(ds: DataSource) {
  return new DataLoader<string, AccountSyncStateEntity | null>(async (ids) => {
    const rows = await ds.getRepository(AccountSyncStateEntity).findBy({ accountId: In([...ids]) });
    const byId = new Map(rows.map((r) => [r.accountId, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
