import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type RunningApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { AlertsService } from '../src/modules/alerts/alerts.service';
import type { AlertKind } from '../src/modules/alerts/alert-kinds';
import { ApiTokensService } from '../src/modules/auth/api-tokens.service';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.repository';
import { NotificationDispatcher } from '../src/modules/notifications/notification-dispatcher.service';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { startWebhookSink, verifyOrderHubSignature, type WebhookSink } from './support/webhook-sink';

const PUBLIC_URL = 'https://hub.example.com';
const RULE = `id name kinds minSeverity channel accountId accountName emails userIds people { id email } webhookUrl
  hasWebhookSecret mode digestHour quietFrom quietTo timeZone`;
const CREATE = `mutation($input: NotificationRuleInput!) { createNotificationRule(input: $input) { rule { ${RULE} } webhookSecret } }`;
const UPDATE = `mutation($id: ID!, $input: NotificationRuleInput!) { updateNotificationRule(id: $id, input: $input) { rule { ${RULE} } webhookSecret } }`;
const REMOVE = `mutation($id: ID!) { removeNotificationRule(id: $id) }`;
const DELIVERY = `id ruleId ruleName kind alertId digestDate targetKind target summary status attempts nextAttemptAt lastError
  responseStatus sentAt`;
const DELIVERIES = `query($filter: NotificationDeliveryFilter, $first: Int, $after: String) {
  notificationDeliveries(filter: $filter, first: $first, after: $after) { edges { cursor node { ${DELIVERY} } } pageInfo { hasNextPage endCursor } }
}`;
const TEST_RULE = `mutation($id: ID!) { testNotificationRule(id: $id) { ${DELIVERY} } }`;

interface Delivery {
  id: string;
  kind: string;
  alertId: string | null;
  digestDate: string | null;
  targetKind: 'EMAIL' | 'WEBHOOK';
  target: string;
  summary: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  responseStatus: number | null;
  sentAt: string | null;
}

const MINUTE = 60_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const hhmm = (d: Date) => d.toISOString().slice(11, 16);

describe.each(testDatabases())('notifications: e-mail and signed webhooks on %s', (kind) => {
  let app: TestApp;
  let smtp: SmtpSink;
  let hook: WebhookSink;
  let dispatcher: NotificationDispatcher;
  let alerts: AlertsService;
  let walmart: ChannelAccountEntity;
  let amazon: ChannelAccountEntity;
  let n = 0;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    hook = await startWebhookSink();
    app = await startTestApp(kind, { SMTP_URL: smtp.url, PUBLIC_URL });
    dispatcher = app.running.app.get(NotificationDispatcher);
    alerts = app.running.app.get(AlertsService);
    walmart = await anAccount(app, 'WALMART', 'America/Chicago');
    amazon = await anAccount(app, 'AMAZON', 'America/New_York');
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await hook?.close();
  });

  const ruleIds: string[] = [];
  afterEach(async () => {
    // Each test's rules go with it (and their deliveries), so the next one's alerts reach only its own.
    for (const id of ruleIds.splice(0)) expect((await app.gql(REMOVE, { id })).errors).toBeUndefined();
    hook.failNext(0);
  });

  async function createRule(input: Record<string, unknown>): Promise<{ rule: any; webhookSecret: string | null }> {
    const res = await app.gql(CREATE, { input: { name: `rule ${++n}`, ...input } });
    expect(res.errors).toBeUndefined();
    ruleIds.push(res.data!.createNotificationRule.rule.id);
    return res.data!.createNotificationRule;
  }

  async function raise(fields: {
    kind?: AlertKind;
    severity?: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
    account?: ChannelAccountEntity | null;
    orderId?: string | null;
  }): Promise<{ id: string; conditionKey: string }> {
    const conditionKey = `notifications-test:${++n}`;
    await alerts.raise({
      conditionKey,
      kind: fields.kind ?? 'PAST_SHIP_BY',
      severity: fields.severity ?? 'HIGH',
      message: `Test alert number ${n} is past its ship-by date.`,
      action: 'Ship it or cancel it today.',
      accountId: fields.account === null ? null : (fields.account ?? walmart).id,
      orderId: fields.orderId ?? null,
    });
    const [row] = await app.ds.query(`SELECT id FROM alert WHERE condition_key = $1`, [conditionKey]);
    return { id: row.id as string, conditionKey };
  }

  async function deliveries(ruleId: string): Promise<Delivery[]> {
    const res = await app.gql(DELIVERIES, { filter: { ruleId }, first: 200 });
    expect(res.errors).toBeUndefined();
    return (res.data!.notificationDeliveries.edges as { node: Delivery }[]).map((e) => e.node);
  }

  /** Another api on this suite's PostgreSQL database, as a second process would be. */
  async function secondApp(): Promise<RunningApp> {
    // The same data directory, so the same credentials key (every process must share it).
    const config = loadConfig({
      DATA_DIR: app.dataDir,
      LOG_LEVEL: 'silent',
      SYNC_ENABLED: 'false',
      DATABASE_URL: app.databaseUrl!,
      SMTP_URL: smtp.url,
      PUBLIC_URL,
    });
    return createApp(config);
  }

  const hooksFor = (alertId: string) => hook.requests.filter((r) => r.json?.alert?.id === alertId);

  it('e-mails an opened alert with the link to its order, and posts it to the webhook signed with the rule secret', async () => {
    const [orderId] = await insertOrders(app, walmart, [anOrder({ channelOrderId: '108829912345' })]);
    const { rule, webhookSecret } = await createRule({
      emails: ['ops@example.com'],
      webhookUrl: hook.url,
    });
    expect(webhookSecret).toMatch(/^whsec_/);
    expect(rule).toEqual(expect.objectContaining({ hasWebhookSecret: true, mode: 'IMMEDIATE', minSeverity: 'LOW' }));
    // The secret is shown once: reading the rule again never gives it.
    const listed = await app.gql(`{ notificationRules { id hasWebhookSecret } }`);
    expect(JSON.stringify(listed.data)).not.toContain(webhookSecret!);

    const alert = await raise({ orderId });
    const pass = await dispatcher.runOnce(new Date());
    expect(pass).toEqual({ written: 2, sent: 2 });

    const mail = smtp.messages.find((m) => m.to.includes('ops@example.com') && m.text.includes(`number ${n}`))!;
    expect(mail.subject).toBe('Order Hub, high: Order past its ship-by date — Walmart order 108829912345');
    expect(mail.text).toContain(`Open in Order Hub: ${PUBLIC_URL}/orders/${orderId}`);
    expect(mail.text).toContain('What to do: Ship it or cancel it today.');
    expect(mail.text).toContain(`Account: ${walmart.name}`);

    const [request] = hooksFor(alert.id);
    expect(request.headers['x-orderhub-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(Math.abs(Number(request.headers['x-orderhub-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(verifyOrderHubSignature(webhookSecret!, request.headers, request.body)).toBe(true);
    expect(verifyOrderHubSignature('whsec_wrong', request.headers, request.body)).toBe(false);
    expect(request.json).toEqual({
      id: expect.any(String),
      type: 'alert.opened',
      alert: {
        id: alert.id,
        kind: 'PAST_SHIP_BY',
        severity: 'HIGH',
        message: `Test alert number ${n} is past its ship-by date.`,
        action: 'Ship it or cancel it today.',
        order: { id: orderId, channel: 'WALMART', channelOrderId: '108829912345' },
        account: { id: walmart.id, name: walmart.name },
        openedAt: expect.any(String),
        url: `${PUBLIC_URL}/orders/${orderId}`,
      },
    });

    const log = await deliveries(rule.id);
    expect(log.map((d) => [d.targetKind, d.target, d.status, d.attempts, d.responseStatus]).sort()).toEqual([
      ['EMAIL', 'ops@example.com', 'SENT', 1, null],
      ['WEBHOOK', hook.url, 'SENT', 1, 200],
    ]);
    expect(log.find((d) => d.targetKind === 'WEBHOOK')!.id).toBe(request.json.id);

    // The next pass finds nothing new to send.
    expect(await dispatcher.runOnce(new Date())).toEqual({ written: 0, sent: 0 });
    expect(hooksFor(alert.id)).toHaveLength(1);
  });

  it('sends only the kinds, severities, channel and account a rule names', async () => {
    const byAccount = await createRule({
      kinds: ['PAST_SHIP_BY'],
      minSeverity: 'HIGH',
      accountId: walmart.id,
      webhookUrl: hook.url,
    });
    const byChannel = await createRule({ channel: 'AMAZON', webhookUrl: hook.url });
    const turnedOff = await createRule({ enabled: false, emails: ['off@example.com'] });
    const wanted = await raise({ kind: 'PAST_SHIP_BY', severity: 'CRITICAL' });
    const tooLow = await raise({ kind: 'PAST_SHIP_BY', severity: 'MEDIUM' });
    const otherKind = await raise({ kind: 'SHIP_BY_TODAY', severity: 'HIGH' });
    const otherAccount = await raise({ kind: 'PAST_SHIP_BY', severity: 'HIGH', account: amazon });
    await dispatcher.runOnce(new Date());

    expect((await deliveries(byAccount.rule.id)).map((d) => d.alertId)).toEqual([wanted.id]);
    expect((await deliveries(byChannel.rule.id)).map((d) => d.alertId)).toEqual([otherAccount.id]);
    expect(await deliveries(turnedOff.rule.id)).toEqual([]);
    expect(hooksFor(tooLow.id)).toHaveLength(0);
    expect(hooksFor(otherKind.id)).toHaveLength(0);
    expect(hooksFor(wanted.id)).toHaveLength(1);
    expect(hooksFor(otherAccount.id)).toHaveLength(1);
  });

  it('retries a webhook that answered 500 after a minute, and then it goes', async () => {
    const { rule } = await createRule({ webhookUrl: hook.url });
    hook.failNext(1);
    const alert = await raise({});
    const t0 = new Date();
    await dispatcher.runOnce(t0);
    let [d] = await deliveries(rule.id);
    expect(d).toEqual(expect.objectContaining({ status: 'RETRYING', attempts: 1, responseStatus: 500, sentAt: null }));
    expect(d.lastError).toBe('The webhook answered 500 Internal Server Error: receiver is down for maintenance.');
    expect(new Date(d.nextAttemptAt!).getTime()).toBe(at(t0, MINUTE).getTime());

    await dispatcher.runOnce(at(t0, 30_000));
    expect(hooksFor(alert.id)).toHaveLength(1);
    await dispatcher.runOnce(at(t0, MINUTE));
    [d] = await deliveries(rule.id);
    expect(d).toEqual(expect.objectContaining({ status: 'SENT', attempts: 2, responseStatus: 200, lastError: null }));
    expect(hooksFor(alert.id).map((r) => r.answered)).toEqual([500, 200]);
    // The same delivery id both times: a receiver can drop a repeat.
    expect(new Set(hooksFor(alert.id).map((r) => r.json.id)).size).toBe(1);
  });

  it('gives up after the retries of 1 min, 5 min, 30 min, 2 h and 6 h, keeping the last error', async () => {
    const { rule } = await createRule({ webhookUrl: hook.url });
    hook.failNext(100, 503);
    const alert = await raise({});
    let now = new Date();
    await dispatcher.runOnce(now);
    for (const wait of [MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE]) {
      const [d] = await deliveries(rule.id);
      expect(d.status).toBe('RETRYING');
      expect(new Date(d.nextAttemptAt!).getTime()).toBe(at(now, wait).getTime());
      now = at(now, wait);
      await dispatcher.runOnce(now);
    }
    let [d] = await deliveries(rule.id);
    expect(new Date(d.nextAttemptAt!).getTime()).toBe(at(now, 360 * MINUTE).getTime());
    await dispatcher.runOnce(at(now, 359 * MINUTE));
    expect(hooksFor(alert.id)).toHaveLength(5);
    await dispatcher.runOnce(at(now, 360 * MINUTE));
    [d] = await deliveries(rule.id);
    expect(d).toEqual(
      expect.objectContaining({ status: 'FAILED', attempts: 6, responseStatus: 503, nextAttemptAt: null }),
    );
    expect(d.lastError).toContain('The webhook answered 503');
    await dispatcher.runOnce(at(now, 48 * 60 * MINUTE));
    expect(hooksFor(alert.id)).toHaveLength(6);
  });

  it('records an unreachable webhook in words', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { rule } = await createRule({ webhookUrl: `http://127.0.0.1:${port}/nobody-listens` });
    await raise({});
    await dispatcher.runOnce(new Date());
    const [d] = await deliveries(rule.id);
    expect(d.status).toBe('RETRYING');
    expect(d.lastError).toMatch(/^The webhook could not be reached \(ECONNREFUSED\)\.$/);
  });

  it('defers alerts in quiet hours to the end of the window, and lets CRITICAL ones through', async () => {
    const now = new Date();
    const { rule } = await createRule({
      emails: ['night@example.com'],
      quietFrom: hhmm(at(now, -60 * MINUTE)),
      quietTo: hhmm(at(now, 60 * MINUTE)),
      timeZone: 'UTC',
    });
    const calm = await raise({ severity: 'HIGH' });
    const fire = await raise({ severity: 'CRITICAL' });
    await dispatcher.runOnce(now);
    const log = await deliveries(rule.id);
    const deferred = log.find((d) => d.alertId === calm.id)!;
    expect(deferred.status).toBe('DEFERRED');
    expect(deferred.attempts).toBe(0);
    const end = new Date(deferred.nextAttemptAt!);
    expect(hhmm(end)).toBe(hhmm(at(now, 60 * MINUTE)));
    expect(end.getTime()).toBeGreaterThan(now.getTime());
    expect(end.getTime() - now.getTime()).toBeLessThanOrEqual(60 * MINUTE);
    expect(log.find((d) => d.alertId === fire.id)!.status).toBe('SENT');
    const toNight = () => smtp.messages.filter((m) => m.to.includes('night@example.com'));
    expect(toNight()).toHaveLength(1);
    expect(toNight()[0].subject).toContain('critical');

    await dispatcher.runOnce(at(end, -1000));
    expect(toNight()).toHaveLength(1);
    await dispatcher.runOnce(end);
    expect((await deliveries(rule.id)).find((d) => d.alertId === calm.id)!.status).toBe('SENT');
    expect(toNight()).toHaveLength(2);
  });

  it('sends a daily digest once a day listing the alerts opened since the previous one', async () => {
    const invited = await app.gql(
      `mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id email } } }`,
      { input: { email: `digest.reader.${kind}@example.com`, name: 'Digest Reader', role: 'VIEWER' } },
    );
    expect(invited.errors).toBeUndefined();
    const person = invited.data!.inviteUser.user as { id: string; email: string };
    const { rule } = await createRule({
      mode: 'DAILY_DIGEST',
      digestHour: 0,
      timeZone: 'UTC',
      userIds: [person.id],
      emails: ['Digest.Reader.' + kind + '@EXAMPLE.com'],
      kinds: ['PAST_SHIP_BY', 'SHIP_BY_TODAY'],
    });
    expect(rule.people).toEqual([{ id: person.id, email: person.email }]);
    const first = await raise({ kind: 'PAST_SHIP_BY' });
    const second = await raise({ kind: 'SHIP_BY_TODAY', severity: 'LOW', account: amazon });
    const unrelated = await raise({ kind: 'OUTBOX_FAILED' });
    const now = new Date();
    await dispatcher.runOnce(now);
    await dispatcher.runOnce(at(now, MINUTE));

    const digests = smtp.messages.filter((m) => m.subject.startsWith('Order Hub daily digest'));
    const mine = digests.filter((m) => m.to.some((t) => t.toLowerCase() === person.email.toLowerCase()));
    // One e-mail for the address given twice (a person's and typed, in another case), once in two passes.
    expect(mine).toHaveLength(1);
    expect(mine[0].subject).toBe('Order Hub daily digest: 2 alerts');
    expect(mine[0].text).toContain(`number ${Number(first.conditionKey.split(':')[1])} is past`);
    expect(mine[0].text).toContain(`${PUBLIC_URL}/alerts`);
    const log = await deliveries(rule.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toEqual(
      expect.objectContaining({ kind: 'DIGEST', status: 'SENT', digestDate: now.toISOString().slice(0, 10) }),
    );
    const listed = await app.ds.query(`SELECT payload->'alertIds' AS ids FROM notification_delivery WHERE id = $1`, [
      log[0].id,
    ]);
    expect(listed[0].ids).toEqual([first.id, second.id]);
    expect(listed[0].ids).not.toContain(unrelated.id);

    // The next day's digest lists only what opened after this one.
    const third = await raise({ kind: 'PAST_SHIP_BY' });
    await dispatcher.runOnce(at(now, 24 * 60 * MINUTE));
    const next = await app.ds.query(
      `SELECT payload->'alertIds' AS ids, payload->>'text' AS text FROM notification_delivery
        WHERE rule_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [rule.id],
    );
    expect(next[0].ids).toEqual([third.id]);
    expect(next[0].text).toContain('1 alert opened since');
  });

  it('sends nothing twice when two dispatchers race over the same alerts', async () => {
    const { rule } = await createRule({ emails: ['race@example.com'], webhookUrl: hook.url });
    const raised = [await raise({}), await raise({ severity: 'LOW' }), await raise({ kind: 'SHIP_BY_TODAY' })];
    const now = new Date();
    // On PostgreSQL a second api on the same database (its own pool and lease holder) races this one.
    const other = kind === 'postgres' ? await secondApp() : null;
    try {
      const racers = [dispatcher, other?.app.get(NotificationDispatcher) ?? dispatcher];
      await Promise.all([...racers, ...racers].map((d) => d.runOnce(now)));
      await Promise.all(racers.map((d) => d.runOnce(at(now, 1000))));
    } finally {
      await other?.close();
    }
    for (const a of raised) expect(hooksFor(a.id)).toHaveLength(1);
    const mails = smtp.messages.filter((m) => m.to.includes('race@example.com'));
    expect(mails).toHaveLength(3);
    const log = await deliveries(rule.id);
    expect(log).toHaveLength(6);
    expect(log.every((d) => d.status === 'SENT' && d.attempts === 1)).toBe(true);

    // The log pages newest first without repeating or skipping a row.
    const page = async (after: string | null) =>
      (await app.gql(DELIVERIES, { filter: { ruleId: rule.id }, first: 4, after })).data!.notificationDeliveries;
    const one = await page(null);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = await page(one.pageInfo.endCursor);
    expect(two.pageInfo.hasNextPage).toBe(false);
    const ids = [...one.edges, ...two.edges].map((e: { node: Delivery }) => e.node.id);
    expect(ids).toEqual(log.map((d) => d.id));
    expect(new Set(ids).size).toBe(6);
  });

  it('tests a rule: a made-up alert to each target now, answered with the deliveries', async () => {
    const { rule, webhookSecret } = await createRule({
      emails: ['tester@example.com'],
      webhookUrl: hook.url,
      quietFrom: '00:00',
      quietTo: '23:59',
    });
    const viewer = await app.running.app.get(ApiTokensService).create('viewer', 'VIEWER', 'system:test');
    expect((await app.gql(TEST_RULE, { id: rule.id }, viewer.secret)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const res = await app.gql(TEST_RULE, { id: rule.id });
    expect(res.errors).toBeUndefined();
    const sent = res.data!.testNotificationRule as Delivery[];
    expect(sent.map((d) => [d.kind, d.targetKind, d.status]).sort()).toEqual([
      ['TEST', 'EMAIL', 'SENT'],
      ['TEST', 'WEBHOOK', 'SENT'],
    ]);
    const mail = smtp.messages.find((m) => m.to.includes('tester@example.com'))!;
    expect(mail.subject.startsWith('[Test] ')).toBe(true);
    expect(mail.text).toContain(`${PUBLIC_URL}/alerts`);
    const request = hook.requests.find((r) => r.json?.type === 'alert.test')!;
    expect(verifyOrderHubSignature(webhookSecret!, request.headers, request.body)).toBe(true);

    // A new secret on request: the old one no longer verifies.
    const rotated = await app.gql(UPDATE, { id: rule.id, input: { newWebhookSecret: true } });
    expect(rotated.errors).toBeUndefined();
    const secret2 = rotated.data!.updateNotificationRule.webhookSecret as string;
    expect(secret2).toMatch(/^whsec_/);
    expect(secret2).not.toBe(webhookSecret);
    await app.gql(TEST_RULE, { id: rule.id });
    const again = hook.requests.filter((r) => r.json?.type === 'alert.test').at(-1)!;
    expect(verifyOrderHubSignature(secret2, again.headers, again.body)).toBe(true);
    expect(verifyOrderHubSignature(webhookSecret!, again.headers, again.body)).toBe(false);
  });

  it('refuses bad rules naming the field, and rules from anyone but an admin', async () => {
    const refused = async (input: Record<string, unknown>) => {
      const res = await app.gql(CREATE, { input: { name: 'bad', emails: ['ok@example.com'], ...input } });
      expect(res.data).toBeNull();
      return res.errors![0];
    };
    const field = async (input: Record<string, unknown>) => (await refused(input)).extensions.field;
    expect(await field({ emails: ['ok@example.com', 'not an address'] })).toBe('input.emails.1');
    expect(await field({ webhookUrl: 'javascript:alert(1)' })).toBe('input.webhookUrl');
    expect(await field({ webhookUrl: 'ftp://example.com/hook' })).toBe('input.webhookUrl');
    expect(await field({ quietFrom: '25:00', quietTo: '07:00' })).toBe('input.quietFrom');
    expect(await field({ quietFrom: '22:00' })).toBe('input.quietTo');
    expect(await field({ kinds: ['PAST_SHIP_BY', 'NOT_A_KIND'] })).toBe('input.kinds.1');
    expect(await field({ timeZone: 'Mars/Olympus' })).toBe('input.timeZone');
    expect(await field({ digestHour: 24 })).toBe('input.digestHour');
    expect(await field({ userIds: ['6f1d2c7e-0000-4000-8000-000000000000'] })).toBe('input.userIds.0');
    expect(await field({ accountId: '6f1d2c7e-0000-4000-8000-000000000000' })).toBe('input.accountId');
    expect(await field({ accountId: walmart.id, channel: 'AMAZON' })).toBe('input.channel');
    expect(await field({ emails: [] })).toBe('input.emails');
    expect(await field({ mode: 'DAILY_DIGEST', webhookUrl: hook.url })).toBe('input.webhookUrl');
    expect(await field({ name: '  ' })).toBe('input.name');
    expect(await field({ webhookUrl: `https://example.com/${'é'.repeat(1000)}` })).toBe('input.webhookUrl');
    const badCursor = await app.gql(DELIVERIES, { after: 'not-a-cursor' });
    expect(badCursor.errors?.[0].extensions).toEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
    );
    const kindError = await refused({ kinds: ['NOT_A_KIND'] });
    expect(kindError.message).toContain('is not an alert kind the hub raises');
    const severity = await refused({ minSeverity: 'URGENT' });
    expect(severity.message).toContain('input.minSeverity');
    expect(severity.message).toContain('URGENT');

    const viewer = await app.running.app.get(ApiTokensService).create('viewer 2', 'VIEWER', 'system:test');
    const operator = await app.running.app.get(ApiTokensService).create('operator', 'OPERATOR', 'system:test');
    for (const token of [viewer.secret, operator.secret]) {
      const res = await app.gql(CREATE, { input: { name: 'x', emails: ['a@example.com'] } }, token);
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await app.gql(`{ notificationRules { id } }`, {}, viewer.secret)).errors).toBeUndefined();
    expect(
      (await app.gql(`{ notificationAlertKinds { kind label } }`, {}, viewer.secret)).data!.notificationAlertKinds,
    ).toContainEqual({
      kind: 'PAST_SHIP_BY',
      label: 'Order past its ship-by date',
    });
  });
});
