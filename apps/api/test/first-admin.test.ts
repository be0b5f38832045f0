import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp, type RunningApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';

const PASSWORD = 'Trombone-Lantern-93';

/** Starts the hub on `dir` (PGlite inside it), capturing what it prints; `quiet` as a test harness would run it. */
async function start(dir: string, env: Record<string, string> = {}): Promise<{ running: RunningApp; printed: string }> {
  const printed: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    printed.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  };
  try {
    const running = await createApp(
      loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'fatal', SYNC_ENABLED: 'false', RATE_LIMIT_PER_MINUTE: '0', ...env }),
    );
    await running.app.listen(0, '127.0.0.1');
    return { running, printed: printed.join('') };
  } finally {
    process.stdout.write = write;
  }
}

const baseUrlOf = (running: RunningApp) =>
  `http://127.0.0.1:${(running.app.getHttpServer().address() as { port: number }).port}`;

const accept = (running: RunningApp, link: string) =>
  fetch(`${baseUrlOf(running)}/auth/invitations/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ secret: new URL(link).hash.slice(1), password: PASSWORD }),
  });

describe('the first start', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'order-hub-first-admin-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a one-time invitation link for the first admin once, keeps it in a 600 file, and makes no token', async () => {
    const { running, printed } = await start(dir);
    try {
      const link = running.firstAdminInvitationUrl!;
      expect(link).toMatch(/^http:\/\/localhost:3000\/invite#[A-Za-z0-9_-]{43}$/);
      expect(printed).toContain(
        `First start: open this link to create the first admin (admin@hub.localhost): ${link} (valid 7 days, one use).`,
      );
      expect(printed.split(link).length - 1).toBe(1);
      const file = join(dir, 'first-admin-invitation');
      expect(readFileSync(file, 'utf8')).toBe(link + '\n');
      expect(statSync(file).mode & 0o777).toBe(0o600);

      const ds = running.app.get(DataSource);
      expect(await ds.query(`SELECT email, role, status FROM app_user`)).toEqual([
        { email: 'admin@hub.localhost', role: 'ADMIN', status: 'INVITED' },
      ]);
      expect(await ds.query(`SELECT count(*)::int AS n FROM api_token`)).toEqual([{ n: 0 }]);
      // Only the link's hash is stored.
      const stored = await ds.query(`SELECT secret_hash FROM user_link`);
      expect(JSON.stringify(stored)).not.toContain(new URL(link).hash.slice(1));
    } finally {
      await running.close();
    }
  });

  it('issues a fresh link at each start until the admin signs up, then none, and removes the file', async () => {
    const first = await start(dir);
    const oldLink = first.running.firstAdminInvitationUrl!;
    await first.running.close();

    const second = await start(dir);
    let newLink: string;
    try {
      newLink = second.running.firstAdminInvitationUrl!;
      expect(newLink).not.toBe(oldLink);
      // The earlier start's link no longer works; the new one makes the admin and signs them in.
      expect((await accept(second.running, oldLink)).status).not.toBe(200);
      const accepted = await accept(second.running, newLink);
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toMatchObject({
        status: 'MFA_ENROLMENT_REQUIRED',
        user: { email: 'admin@hub.localhost', role: 'ADMIN' },
      });
    } finally {
      await second.running.close();
    }

    const third = await start(dir);
    try {
      expect(third.running.firstAdminInvitationUrl).toBeNull();
      expect(third.printed).not.toContain('First start');
      expect(existsSync(join(dir, 'first-admin-invitation'))).toBe(false);
      // The admin signs in with the password they chose.
      const signIn = await fetch(`${baseUrlOf(third.running)}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@hub.localhost', password: PASSWORD }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      await third.running.close();
    }
    // Three starts on a file database: more than the suite's 60 s default on 2 cores while another file runs beside it.
  }, 180_000);

  describe('with ADMIN_EMAIL and SMTP', () => {
    let sink: SmtpSink;
    beforeAll(async () => {
      sink = await startSmtpSink();
    });
    afterAll(() => sink?.close());

    it('invites that address and e-mails it the link', async () => {
      const { running, printed } = await start(dir, {
        ADMIN_EMAIL: 'Owner@Example.com',
        SMTP_URL: sink.url,
        PUBLIC_URL: 'https://hub.example.com',
      });
      try {
        const link = running.firstAdminInvitationUrl!;
        expect(link).toMatch(/^https:\/\/hub\.example\.com\/invite#[A-Za-z0-9_-]{43}$/);
        expect(printed).toContain('(Owner@Example.com)');
        expect(printed).toContain('also e-mailed to that address');
        const mail = await sink.waitFor((m) => m.to.some((to) => to.toLowerCase() === 'owner@example.com'), 10_000);
        expect(mail.text).toContain(link);
      } finally {
        await running.close();
      }
    });
  });
});
