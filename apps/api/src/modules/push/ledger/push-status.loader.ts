import DataLoader from 'dataloader';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import type { DataSource } from 'typeorm';
import { pushCounts, type PushCounts } from './push-ledger.service';
import { PushSubscriptionEntity } from './push-subscription.entity';

export interface PushActivity {
  subscription: PushSubscriptionEntity | null;
  counts: PushCounts;
}

/** Per account: its push subscription (one query for all) and its push figures as of the request. */
export const pushActivityLoader = defineLoader(
  'pushActivity',
  (ds: DataSource) =>
    new DataLoader<string, PushActivity>(async (ids) => {
      const now = new Date();
      const [subs, counts] = await Promise.all([
        ds
          .getRepository(PushSubscriptionEntity)
          .createQueryBuilder('s')
          .where('s.account_id = ANY(:ids)', { ids })
          .getMany(),
        Promise.all(ids.map((id) => pushCounts(ds, id, now))),
      ]);
      const byId = new Map(subs.map((s) => [s.accountId, s]));
      return ids.map((id, i) => ({ subscription: byId.get(id) ?? null, counts: counts[i] }));
    }),
);
