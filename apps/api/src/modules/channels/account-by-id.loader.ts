import DataLoader from 'dataloader';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { In, type DataSource } from 'typeorm';
import { ChannelAccountEntity } from './channel-account.entity';

export const accountByIdLoader = defineLoader(
  'accountById',
  (ds: DataSource) =>
    new DataLoader<string, ChannelAccountEntity | null>(async (ids) => {
      const rows = await ds.getRepository(ChannelAccountEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
);
