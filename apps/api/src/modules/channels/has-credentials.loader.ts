import DataLoader from 'dataloader';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import type { DataSource } from 'typeorm';

/** Whether each account has credentials stored, without ever reading the ciphertext. */
export const hasCredentialsLoader = defineLoader(
  'hasCredentials',
  (ds: DataSource) =>
    new DataLoader<string, boolean>(async (ids) => {
      const rows: { id: string }[] = await ds.query(
        'SELECT id FROM channel_account WHERE id = ANY($1) AND credentials_encrypted IS NOT NULL',
        [ids],
      );
      const present = new Set(rows.map((r) => r.id));
      return ids.map((id) => present.has(id));
    }),
);
