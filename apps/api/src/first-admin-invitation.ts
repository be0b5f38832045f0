import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { UserInvitationsService } from './modules/users/user-invitations.service';

/** The first admin's address when ADMIN_EMAIL is unset (`.localhost` is reserved: it never receives mail). */
export const DEFAULT_ADMIN_EMAIL = 'admin@hub.localhost';
export const FIRST_ADMIN_INVITATION_FILE = 'first-admin-invitation';

/**
 * While no admin has signed up, each start invites the first admin (ADMIN_EMAIL, else admin@hub.localhost) with a
 * fresh one-time link (7 days; the previous start's link stops working): printed once to standard output, written
 * to `<DATA_DIR>/first-admin-invitation` (mode 600, for scripts and tests), and e-mailed when SMTP_URL and
 * ADMIN_EMAIL are set. Once an admin exists, nothing is issued and the file is removed. Returns the link.
 */
export async function issueFirstAdminInvitation(
  app: INestApplication,
  config: AppConfig,
  quiet: boolean,
): Promise<string | null> {
  const file = join(config.dataDir, FIRST_ADMIN_INVITATION_FILE);
  const issued = await app.get(UserInvitationsService).inviteFirstAdmin(
    {
      email: config.adminEmail ?? DEFAULT_ADMIN_EMAIL,
      name: 'Admin',
      sendEmail: config.adminEmail !== null && config.mail !== null,
    },
    config.publicUrl ?? `http://localhost:${config.port}`,
  );
  if (!issued) {
    rmSync(file, { force: true });
    return null;
  }
  mkdirSync(config.dataDir, { recursive: true });
  writeFileSync(file, issued.link + '\n', { mode: 0o600 });
  if (!quiet) {
    process.stdout.write(
      `\nFirst start: open this link to create the first admin (${issued.user.email}): ${issued.link} ` +
        `(valid 7 days, one use${issued.emailed ? '; also e-mailed to that address' : ''}).\n` +
        `A new link is made at each start until an admin has signed up; the latest is also in ${file}.\n\n`,
    );
  }
  return issued.link;
}
