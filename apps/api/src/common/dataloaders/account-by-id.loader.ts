import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { ChannelAccountEntity } from '../../modules/channels/channel-account.entity';

export function accountByIdLoader(ds: DataSource) {
  return new DataLoader<string, ChannelAccountEntity | null>(async (ids) => {
    const rows = await ds.getRepository(ChannelAccountEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
