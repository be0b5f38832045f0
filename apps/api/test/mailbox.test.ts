import { ComplianceAlarmsService } from '../src/modules/compliance/compliance-alarms.service';
import { type InboundMail, type MailHandling, MailHandlers } from '../src/modules/mailbox/mail-handler';
import { MailboxRepository } from '../src/modules/mailbox/mailbox.repository';
import { MailboxSyncService } from '../src/modules/mailbox/mailbox-sync.service';
import { startImapServer, type ImapServer } from './support/imap-server';
import { renderMailFixture } from './support/mail-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const MAILBOX_FIELDS = `id name host port secure user enabled accountIds folders { inbox junk sent }
  sync { lastRunAt lastSuccessAt lastError nextRunAt messagesRead running }`;
const CONNECT = `mutation ($input: ConnectMailboxInput!) { connectMailbox(input: $input) { ${MAILBOX_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateMailboxInput!) { updateMailbox(id: $id, input: $input) { ${MAILBOX_FIELDS} } }`;
const REFRESH = `mutation ($id: ID!) { refreshMailbox(id: $id) { lastRunAt lastSuccessAt lastError nextRunAt messagesRead } }`;
const MAILBOXES = `{ mailboxes { ${MAILBOX_FIELDS} } }`;
const MESSAGES = `query ($filter: MailMessageFilter, $first: Int, $after: String) {
  mailMessages(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id mailboxId folder folderRole messageId from fromName subject receivedAt kind outcome summary
      trackingNumbers orderNumbers reasons processedAt text orders { id } } } } }`;

interface MessageView {
  id: string;
  folder: string;
  folderRole: string;
  messageId: string;
  from: string;
  fromName: string | null;
  subject: string;
  receivedAt: string;
  kind: string;
  outcome: string;
  summary: string;
  trackingNumbers: string[];
  processedAt: string | null;
  text: string;
}

/** A plain message as a mail client writes it. */
const plain = (o: { messageId: string; subject: string; from?: string; body?: string }) =>
  [
    `From: Acme Wholesale <${o.from ?? 'shipping@acme-wholesale.example'}>`,
    'To: orders@oakandtwine.example',
    `Subject: ${o.subject}`,
    'Date: Thu, 03 Dec 2026 15:04:05 +0000',
    `Message-ID: ${o.messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.body ?? 'Hello,\r\nyour order left our warehouse today.',
    '',
  ].join('\r\n');

describe.each(testDatabases())('the seller mailbox over IMAP (a real Dovecot) on %s', (kind) => {
  let imap: ImapServer;
  let app: TestApp;
  let mailboxId: string;
  const seen: InboundMail[] = [];
  let failing = true;

  /** A module that takes mail: tracking mail held with its numbers, "FAIL" mail throws while `failing`. */
  const handler = {
    name: 'TestTrackingHandler',
    priority: 20,
    handle(mail: InboundMail): Promise<MailHandling | null> {
      seen.push(mail);
      if (mail.subject.includes('FAIL') && failing) return Promise.reject(new Error('the supplier table is locked'));
      const tracking = mail.text.match(/\b1Z[0-9A-Z]{16}\b/g);
      if (!tracking) return Promise.resolve(null);
      return Promise.resolve({
        kind: 'SUPPLIER_TRACKING',
        outcome: 'HELD',
        summary: `Held: tracking ${tracking[0]} found, no order matched.`,
        orderIds: [],
        findings: { trackingNumbers: [...new Set(tracking)], orderNumbers: [], reasons: ['no order found'] },
      });
    },
  };

  const refresh = async () => {
    const res = await app.gql(REFRESH, { id: mailboxId });
    expect(res.errors).toBeUndefined();
    return res.data!.refreshMailbox as { lastError: string | null; messagesRead: number; lastSuccessAt: string | null };
  };
  const messages = async (filter: Record<string, unknown> = {}): Promise<MessageView[]> => {
    const res = await app.gql(MESSAGES, { filter, first: 100 });
    expect(res.errors).toBeUndefined();
    return res.data!.mailMessages.edges.map((e: { node: MessageView }) => e.node);
  };
  const connectInput = (over: Record<string, unknown> = {}) => ({
    name: 'Orders mailbox',
    host: imap.host,
    port: imap.port,
    secure: false,
    user: imap.user,
    password: imap.password,
    ...over,
  });
  const alarm = async () =>
    (
      await app.ds.query(
        `SELECT severity, message, resolved_at FROM alert WHERE kind = 'MAILBOX_UNREACHABLE' AND condition_key = $1
          ORDER BY opened_at DESC LIMIT 1`,
        [`mailbox-unreachable:${mailboxId}`],
      )
    )[0] as { severity: string; message: string; resolved_at: Date | null } | undefined;

  beforeAll(async () => {
    imap = await startImapServer();
    app = await startTestApp(kind);
    app.running.app.get(MailHandlers).register(handler);
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await imap?.close();
  });

  it('refuses a wrong password or an unreachable server with an error naming the field, and saves nothing', async () => {
    const wrong = await app.gql(CONNECT, { input: connectInput({ password: 'not-the-password' }) });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(wrong.errors?.[0].message).toMatch(
      /^password: .*refused the login of seller@example\.test: wrong user name or password/,
    );

    const closedPort = await app.gql(CONNECT, { input: connectInput({ port: 1 }) });
    expect(closedPort.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'port' });
    expect(closedPort.errors?.[0].message).toMatch(/refused the connection/);

    const noFolder = await app.gql(CONNECT, { input: connectInput({ junkFolder: 'Bulk' }) });
    expect(noFolder.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'junkFolder' });

    const badHost = await app.gql(CONNECT, { input: connectInput({ host: 'imap://mail.example.com' }) });
    expect(badHost.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'host' });

    expect((await app.gql(MAILBOXES)).data!.mailboxes).toEqual([]);
  });

  it('connects after the server takes the login, finds Junk and Sent by their flags, and never returns the password', async () => {
    const viewer = await app.gql(CONNECT, { input: connectInput() }, null);
    expect(viewer.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    const res = await app.gql(CONNECT, { input: connectInput() });
    expect(res.errors).toBeUndefined();
    const box = res.data!.connectMailbox;
    mailboxId = box.id;
    expect(box).toMatchObject({
      host: '127.0.0.1',
      port: imap.port,
      secure: false,
      user: imap.user,
      enabled: true,
      folders: { inbox: 'INBOX', junk: 'Junk', sent: 'Sent' },
    });
    expect(JSON.stringify((await app.gql(MAILBOXES)).data)).not.toContain(imap.password);
    const [stored] = await app.ds.query(`SELECT password_encrypted FROM mailbox WHERE id = $1`, [mailboxId]);
    expect(Buffer.from(stored.password_encrypted).toString('latin1')).not.toContain(imap.password);
  });

  it('reads INBOX and Junk, keeps each message as evidence, and hands HTML-only mail over as text', async () => {
    const arrived = new Date('2026-12-03T15:10:00.000Z');
    await imap.append('INBOX', plain({ messageId: '<hello-1@acme.example>', subject: 'Hello from Acme' }), arrived);
    await imap.append(
      'Junk',
      renderMailFixture('supplier-tracking-html-table', {
        MESSAGE_ID: '<table-1@northwind.example>',
        TRACKING: '1ZV4W5880T2K319429',
        ORDER: 'PO-261204-7',
      }),
      new Date('2026-12-03T15:20:00.000Z'),
    );
    await imap.append(
      'Junk',
      renderMailFixture('supplier-tracking-image-alt', {
        MESSAGE_ID: '<alt-1@summit.example>',
        TRACKING: '1Z999AA10123456784',
      }),
      new Date('2026-12-03T15:30:00.000Z'),
    );

    const state = await refresh();
    expect(state).toMatchObject({ lastError: null, messagesRead: 3 });
    expect(state.lastSuccessAt).not.toBeNull();

    const read = await messages({ mailboxId });
    expect(read.map((m) => [m.folderRole, m.messageId, m.kind, m.outcome])).toEqual([
      ['JUNK', '<alt-1@summit.example>', 'SUPPLIER_TRACKING', 'HELD'],
      ['JUNK', '<table-1@northwind.example>', 'SUPPLIER_TRACKING', 'HELD'],
      ['INBOX', '<hello-1@acme.example>', 'OTHER', 'IGNORED'],
    ]);
    const hello = read[2];
    expect(hello).toMatchObject({
      folder: 'INBOX',
      from: 'shipping@acme-wholesale.example',
      fromName: 'Acme Wholesale',
      subject: 'Hello from Acme',
      receivedAt: arrived.toISOString(),
      summary: 'No part of the hub takes this kind of message.',
    });
    expect(hello.processedAt).not.toBeNull();
    expect(read[1]).toMatchObject({
      folder: 'Junk',
      from: 'dropship@northwind.example',
      trackingNumbers: ['1ZV4W5880T2K319429'],
    });

    // The handler saw text: the table's cells apart (the number a word of its own, the link's address left out)…
    const table = seen.find((m) => m.messageId === '<table-1@northwind.example>')!;
    expect(table.folderRole).toBe('JUNK');
    expect(table.text).toMatch(/(^|\s)1ZV4W5880T2K319429(\s|$)/);
    expect(table.text).toMatch(/PO-261204-7\s+NW-LAMP-204\s+2\s/);
    expect(table.text).not.toContain('<td>');
    expect(table.text).not.toContain('example-carrier.test');
    // … and an image's alt text, where the only copy of the number was.
    const alt = seen.find((m) => m.messageId === '<alt-1@summit.example>')!;
    expect(alt.text).toContain('tracking 1Z999AA10123456784');
    expect(alt.attachments).toEqual([expect.objectContaining({ filename: 'logo.png', contentType: 'image/png' })]);
    expect(read[0].text).toContain('1Z999AA10123456784');
  });

  it('processes a message delivered twice (same Message-ID) once', async () => {
    const before = seen.length;
    await imap.append('INBOX', plain({ messageId: '<hello-1@acme.example>', subject: 'Hello from Acme' }));
    const state = await refresh();
    expect(state.lastError).toBeNull();
    expect(seen.length).toBe(before);
    expect((await messages({ mailboxId })).filter((m) => m.messageId === '<hello-1@acme.example>')).toHaveLength(1);
  });

  it('leaves a message a handler failed on, and what came after it, for the next run', async () => {
    await imap.append(
      'INBOX',
      plain({ messageId: '<fail-1@acme.example>', subject: 'FAIL: shipped', body: 'Tracking: 1ZV4W5880T2K319429' }),
    );
    await imap.append('INBOX', plain({ messageId: '<after-1@acme.example>', subject: 'After the failing one' }));

    const first = await refresh();
    expect(first.lastError).toMatch(
      /INBOX message \d+: TestTrackingHandler could not take this message: the supplier table is locked/,
    );
    let read = await messages({ mailboxId });
    const failed = read.find((m) => m.messageId === '<fail-1@acme.example>')!;
    expect(failed).toMatchObject({ outcome: 'FAILED', processedAt: null });
    expect(failed.summary).toMatch(/the supplier table is locked/);
    expect(read.some((m) => m.messageId === '<after-1@acme.example>')).toBe(false);
    expect((await messages({ mailboxId, outcome: 'FAILED' })).map((m) => m.messageId)).toEqual([
      '<fail-1@acme.example>',
    ]);

    failing = false;
    const second = await refresh();
    expect(second.lastError).toBeNull();
    read = await messages({ mailboxId });
    expect(read.find((m) => m.messageId === '<fail-1@acme.example>')).toMatchObject({
      outcome: 'HELD',
      trackingNumbers: ['1ZV4W5880T2K319429'],
    });
    expect(read.find((m) => m.messageId === '<fail-1@acme.example>')!.processedAt).not.toBeNull();
    expect(read.find((m) => m.messageId === '<after-1@acme.example>')).toMatchObject({ outcome: 'IGNORED' });
    expect(seen.filter((m) => m.messageId === '<fail-1@acme.example>')).toHaveLength(2);
  });

  it('says in words when the server refuses the password, raises MAILBOX_UNREACHABLE, and resolves it once read again', async () => {
    const alarms = app.running.app.get(ComplianceAlarmsService);
    await imap.setPassword('mail-pass-2');
    const failed = await refresh();
    expect(failed.lastError).toMatch(
      /^The mailbox Orders mailbox could not be read: the mail server at 127\.0\.0\.1:\d+ refused the login of seller@example\.test: wrong user name or password.*\(attempt 1; next try in 1 min\)$/,
    );
    await alarms.scan(new Date(), false);
    expect(await alarm()).toMatchObject({ severity: 'HIGH', resolved_at: null });
    expect((await alarm())!.message).toMatch(/wrong user name or password/);

    // A new password that the server refuses is not saved.
    const refused = await app.gql(UPDATE, { id: mailboxId, input: { password: 'guess' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });

    const updated = await app.gql(UPDATE, { id: mailboxId, input: { password: 'mail-pass-2' } });
    expect(updated.errors).toBeUndefined();
    await imap.append('Junk', plain({ messageId: '<later-1@acme.example>', subject: 'Read after the fix' }));
    const fixed = await refresh();
    expect(fixed.lastError).toBeNull();
    expect((await messages({ mailboxId, search: 'after the fix' })).map((m) => m.messageId)).toEqual([
      '<later-1@acme.example>',
    ]);
    await alarms.scan(new Date(), false);
    expect((await alarm())!.resolved_at).not.toBeNull();
  });

  it('pages a backlog: a run takes at most its share, oldest first, and the next run goes on at once', async () => {
    const sync = app.running.app.get(MailboxSyncService);
    for (const n of [1, 2, 3])
      await imap.append('INBOX', plain({ messageId: `<backlog-${n}@acme.example>`, subject: `Backlog ${n}` }));
    const box = (await app.running.app.get(MailboxRepository).findById(mailboxId))!;
    expect(await sync.run(box, new Date(), 2)).toBe('DONE');
    const backlog = async () => (await messages({ mailboxId, search: 'Backlog' })).map((m) => m.messageId).sort();
    expect(await backlog()).toEqual(['<backlog-1@acme.example>', '<backlog-2@acme.example>']);
    const state = await sync.state(mailboxId);
    expect(state.nextRunAt!.getTime()).toBeLessThanOrEqual(Date.now());
    const again = (await app.running.app.get(MailboxRepository).findById(mailboxId))!;
    expect(await sync.run(again, new Date(), 2)).toBe('DONE');
    expect(await backlog()).toEqual([
      '<backlog-1@acme.example>',
      '<backlog-2@acme.example>',
      '<backlog-3@acme.example>',
    ]);
    expect((await sync.state(mailboxId)).nextRunAt!.getTime()).toBeGreaterThan(Date.now() + 60_000);
  });

  it('marks nothing read on the server', async () => {
    for (const folder of ['INBOX', 'Junk']) {
      const flags = await imap.flags(folder);
      expect(flags.size).toBeGreaterThan(0);
      for (const [, f] of flags) expect(f).not.toContain('\\Seen');
    }
  });

  it('says so when the server is gone', async () => {
    await imap.close();
    const gone = await refresh();
    expect(gone.lastError).toMatch(/refused the connection/);
    const [row] = (await app.gql(MAILBOXES)).data!.mailboxes;
    expect(row.sync.lastError).toBe(gone.lastError);
  });
});
