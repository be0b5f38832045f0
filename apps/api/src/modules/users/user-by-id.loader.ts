import DataLoader from 'dataloader';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import type { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

/** People by id, batched per request (an API token list's `user`, say); null for an id that does not exist. */
export const userByIdLoader = defineLoader<string, UserEntity | null>(
  'userById',
  (ds) =>
    new DataLoader(async (ids) => {
      const found = new Map((await new UsersRepository(ds).findByIds(ids)).map((u) => [u.id, u]));
      return ids.map((id) => found.get(id) ?? null);
    }),
);
