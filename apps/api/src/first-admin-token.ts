import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { ApiTokensService } from './modules/auth/api-tokens.service';

/**
 * On an empty database, creates the first admin token and writes it to `<DATA_DIR>/admin-token` (mode 600) so a
 * new user can sign in to the console. The secret itself is never printed (logs are collected, shipped and kept
 * by others); the start-up message says where the file is.
 */
export async function issueFirstAdminToken(
  app: INestApplication,
  dataDir: string,
  quiet: boolean,
): Promise<string | null> {
  const secret = await app.get(ApiTokensService).createFirstAdminIfNone();
  if (!secret) return null;
  const file = join(dataDir, 'admin-token');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  if (quiet) return secret;
  process.stdout.write(
    `\nFirst start: created an ADMIN API token and saved it to ${file} (readable by this user only).\n` +
      `Sign in to the console with it: cat ${file}\n\n`,
  );
  return secret;
}
