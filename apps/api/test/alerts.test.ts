import { findTrackingReuse } from '@order-hub/rules';
import type { NormalizedOrder, NormalizedShipment } from '@order-hub/types';
import { AlertsService } from '../src/modules/alerts/alerts.service';
import type { AlertKind } from '../src/modules/alerts/alert-kinds';
import { SkuCategoriesService } from '../src/modules/catalog/sku-categories.service';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { ComplianceAlarmsService } from '../src/modules/compliance/compliance-alarms.service';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const shipment = (trackingNumber: string | null, shippedAt: Date): NormalizedShipment => ({
  carrier: 'UPS',
  service: null,
  trackingNumber,
  trackingUrl: null,
  shippedAt,
  packageType: 'PARCEL',
  weightOz: null,
  lengthIn: null,
  widthIn: null,
  heightIn: null,
  lines: [{ lineNumber: '1', quantity: 1 }],
});

interface AlertNode {
  id: string;
  kind: string;
  severity: string;
  status: string;
  orderId: string | null;
  accountId: string | null;
  message: string;
}
interface AlertPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: AlertNode }[];
}
const PAGE = `totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind severity status orderId accountId message } }`;

describe.each(testDatabases())('alerts on %s', (kind) => {
  let app: TestApp;
  let alerts: AlertsService;
  let alarms: ComplianceAlarmsService;
  let walmart: ChannelAccountEntity;
  let amazon: ChannelAccountEntity;

  const page = async (variables: Record<string, unknown>): Promise<AlertPage> => {
    const res = await app.gql<{ alerts: AlertPage }>(
      `query($filter: AlertFilter, $first: Int, $after: String) { alerts(filter: $filter, first: $first, after: $after) { ${PAGE} } }`,
      variables,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.alerts;
  };
  const openKeys = async (kinds: string[]): Promise<string[]> =>
    (
      await app.ds.query(
        `SELECT condition_key FROM alert WHERE resolved_at IS NULL AND kind = ANY($1) ORDER BY condition_key`,
        [kinds],
      )
    ).map((r: { condition_key: string }) => r.condition_key);
  const order = async (account: ChannelAccountEntity, patch: Partial<NormalizedOrder>): Promise<string> =>
    (await insertOrders(app, account, [anOrder({ channelUpdatedAt: new Date(Date.now() - DAY), ...patch })]))[0];

  beforeAll(async () => {
    app = await startTestApp(kind);
    alerts = app.running.app.get(AlertsService);
    alarms = app.running.app.get(ComplianceAlarmsService);
    walmart = await anAccount(app, 'WALMART', 'America/Los_Angeles');
    amazon = await anAccount(app, 'AMAZON', 'UTC');
  });
  afterAll(() => app?.close());

  describe('the alerts connection', () => {
    const ids: Record<string, string> = {};
    let walmartOrder: string;

    beforeAll(async () => {
      walmartOrder = await order(walmart, { shipBy: new Date(Date.now() + 3 * DAY) });
      const raise = async (
        name: string,
        severity: 'LOW' | 'MEDIUM' | 'HIGH',
        account: ChannelAccountEntity,
        openedAt: string,
        orderId: string | null = null,
      ) => {
        await alerts.raise({
          conditionKey: `paging-test:${name}`,
          kind: name.startsWith('held') ? 'MCF_TRACKING_HELD' : ('PAGING_TEST' as AlertKind),
          severity,
          message: name,
          accountId: account.id,
          orderId,
        });
        await app.ds.query(`UPDATE alert SET opened_at = $2 WHERE condition_key = $1`, [
          `paging-test:${name}`,
          openedAt,
        ]);
        [{ id: ids[name] }] = await app.ds.query(`SELECT id FROM alert WHERE condition_key = $1`, [
          `paging-test:${name}`,
        ]);
      };
      await raise('oldest', 'LOW', walmart, '2026-11-01T10:00:00Z');
      await raise('held', 'HIGH', walmart, '2026-11-02T10:00:00Z', walmartOrder);
      await raise('twinA', 'MEDIUM', amazon, '2026-11-03T10:00:00.123456Z');
      await raise('twinB', 'MEDIUM', amazon, '2026-11-03T10:00:00.123456Z');
      await raise('newest', 'HIGH', amazon, '2026-11-04T10:00:00Z');
      await alerts.acknowledge(ids.held, 'ops');
      await alerts.resolve('paging-test:oldest');
    });

    it('pages newest first, then by id, without skipping or repeating a row, with the total on every page', async () => {
      const filter = { kinds: ['PAGING_TEST', 'MCF_TRACKING_HELD'] };
      const twins = [ids.twinA, ids.twinB].sort().reverse();
      const expected = [ids.newest, ...twins, ids.held, ids.oldest];
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const p: AlertPage = await page({ filter, first: 2, after });
        expect(p.totalCount).toBe(5);
        seen.push(...p.edges.map((e) => e.node.id));
        after = p.pageInfo.hasNextPage ? p.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(expected);
    });

    it.each([
      ['status OPEN', { statuses: ['OPEN'] }, ['newest', 'twinA', 'twinB']],
      ['status ACKNOWLEDGED', { statuses: ['ACKNOWLEDGED'] }, ['held']],
      ['status RESOLVED', { statuses: ['RESOLVED'] }, ['oldest']],
      ['unresolved', { statuses: ['OPEN', 'ACKNOWLEDGED'] }, ['newest', 'twinA', 'twinB', 'held']],
      ['severity HIGH', { severities: ['HIGH'] }, ['newest', 'held']],
      ['kind', { kinds: ['MCF_TRACKING_HELD'] }, ['held']],
      ['channel WALMART', { channel: 'WALMART' }, ['held', 'oldest']],
      ['order', { orderId: 'ORDER' }, ['held']],
    ])('filters by %s', async (_name, filter, names) => {
      const withOrder = 'orderId' in filter ? { orderId: walmartOrder } : filter;
      const p = await page({ filter: { kinds: ['PAGING_TEST', 'MCF_TRACKING_HELD'], ...withOrder }, first: 50 });
      expect(new Set(p.edges.map((e) => e.node.id))).toEqual(new Set(names.map((n) => ids[n])));
      expect(p.totalCount).toBe(names.length);
      const statuses = Object.fromEntries(p.edges.map((e) => [e.node.id, e.node.status]));
      if (statuses[ids.held]) expect(statuses[ids.held]).toBe('ACKNOWLEDGED');
    });

    it('filters by account', async () => {
      const p = await page({ filter: { kinds: ['PAGING_TEST'], accountId: amazon.id }, first: 50 });
      expect(p.edges.map((e) => e.node.accountId)).toEqual([amazon.id, amazon.id, amazon.id]);
    });

    it.each([
      [{ first: 0 }, 'first', /between 1 and 200/],
      [{ first: 201 }, 'first', /between 1 and 200/],
      [{ filter: { orderId: 'nope' } }, 'filter.orderId', /UUID/],
      [{ after: 'garbage!' }, 'after', /not a cursor/],
    ])('refuses %j naming the field', async (variables, field, message) => {
      const res = await app.gql(
        `query($filter: AlertFilter, $first: Int, $after: String) { alerts(filter: $filter, first: $first, after: $after) { totalCount } }`,
        variables,
      );
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
      expect(res.errors![0].message).toMatch(message);
    });
  });

  describe('channel warnings', () => {
    const LOG = `mutation($input: LogChannelWarningInput!) { logChannelWarning(input: $input) { id channel accountId accountName metric subject state secondsLeft receivedAt respondBy loggedBy respondedAt respondedBy responseNote } }`;
    const input = (patch: Record<string, unknown> = {}) => ({
      channel: 'WALMART',
      accountId: walmart.id,
      metric: 'VALID_TRACKING_RATE',
      subject: null,
      receivedAt: new Date(Date.now() - HOUR).toISOString(),
      message: 'Your Valid Tracking Rate is below 99%. Respond within 24 hours.',
      ...patch,
    });

    it.each([
      ['no metric and no subject', { metric: null, subject: '  ' }, 'input.subject', /required when no metric/],
      ['an unknown metric', { metric: 'HAPPINESS' }, 'input.metric', /must be one of/],
      [
        'a receivedAt in the future',
        { receivedAt: new Date(Date.now() + HOUR).toISOString() },
        'input.receivedAt',
        /future/,
      ],
      ['an empty message', { message: ' ' }, 'input.message', /must not be empty/],
      ['the wrong channel for the account', { channel: 'AMAZON' }, 'input.channel', /WALMART account/],
      [
        'an alert that does not exist',
        { alertId: '00000000-0000-4000-8000-000000000000' },
        'input.alertId',
        /not an alert/,
      ],
    ])('refuses %s naming the field', async (_name, patch, field, message) => {
      const res = await app.gql(LOG, { input: input(patch) });
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
      expect(res.errors![0].message).toMatch(message);
    });

    it('lets a VIEWER list warnings but not log or answer them', async () => {
      const created = await app.gql(
        `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`,
        { input: { name: 'alerts-viewer', role: 'VIEWER' } },
      );
      const viewer = created.data!.createApiToken.token as string;
      expect((await app.gql(`{ channelWarnings { id } }`, {}, viewer)).errors).toBeUndefined();
      expect((await app.gql(LOG, { input: input() }, viewer)).errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(
        (
          await app.gql(
            `mutation { respondToChannelWarning(id: "00000000-0000-4000-8000-000000000000", note: "x") { id } }`,
            {},
            viewer,
          )
        ).errors?.[0].extensions.code,
      ).toBe('FORBIDDEN');
    });

    it('runs a 24 h clock: due soon at 4 h left, overdue when passed, resolved when answered', async () => {
      const receivedAt = new Date(Date.now() - 21 * HOUR);
      const logged = await app.gql(LOG, {
        input: input({ receivedAt: receivedAt.toISOString(), subject: 'Valid tracking: Home category' }),
      });
      expect(logged.errors).toBeUndefined();
      const w = logged.data!.logChannelWarning;
      expect(w).toMatchObject({
        channel: 'WALMART',
        accountId: walmart.id,
        metric: 'VALID_TRACKING_RATE',
        state: 'DUE_SOON',
        respondBy: new Date(receivedAt.getTime() + DAY).toISOString(),
        respondedAt: null,
      });
      expect(w.secondsLeft).toBeLessThanOrEqual(3 * 3600);
      expect(w.secondsLeft).toBeGreaterThan(2 * 3600);
      // Logged with less than 4 h left: the alarm is open at once, before any scan.
      expect(await openKeys(['CHANNEL_WARNING_DUE', 'CHANNEL_WARNING_OVERDUE'])).toEqual([
        `channel-warning-due:${w.id}`,
      ]);

      const fresh = (await app.gql(LOG, { input: input({ metric: null, subject: 'Late origin scan alarm' }) })).data!
        .logChannelWarning;
      expect(fresh.state).toBe('OPEN');
      const listed = await app.gql(`{ channelWarnings(filter: { answered: false }) { id state secondsLeft } }`);
      expect(listed.errors).toBeUndefined();
      expect(listed.data!.channelWarnings.map((x: { id: string }) => x.id)).toEqual([w.id, fresh.id]);

      await alarms.scan(new Date(Date.now() + 4 * HOUR), false);
      expect(await openKeys(['CHANNEL_WARNING_DUE', 'CHANNEL_WARNING_OVERDUE'])).toEqual(
        [`channel-warning-overdue:${w.id}`].sort(),
      );
      await alarms.scan(new Date(Date.now() + 20 * HOUR + 60_000), false);
      expect(await openKeys(['CHANNEL_WARNING_DUE', 'CHANNEL_WARNING_OVERDUE'])).toEqual(
        [`channel-warning-due:${fresh.id}`, `channel-warning-overdue:${w.id}`].sort(),
      );

      const RESPOND = `mutation($id: ID!, $note: String!) { respondToChannelWarning(id: $id, note: $note) { id state secondsLeft respondedAt respondedBy responseNote } }`;
      expect((await app.gql(RESPOND, { id: w.id, note: ' ' })).errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'note' },
      });
      const answered = await app.gql(RESPOND, { id: w.id, note: 'Plan of action sent in Seller Center, case 123.' });
      expect(answered.data!.respondToChannelWarning).toMatchObject({
        state: 'ANSWERED',
        secondsLeft: null,
        respondedBy: expect.any(String),
        responseNote: 'Plan of action sent in Seller Center, case 123.',
      });
      expect(await openKeys(['CHANNEL_WARNING_DUE', 'CHANNEL_WARNING_OVERDUE'])).toEqual([
        `channel-warning-due:${fresh.id}`,
      ]);
      expect((await app.gql(RESPOND, { id: w.id, note: 'again' })).errors?.[0].extensions.code).toBe('CONFLICT');

      // A later scan does not reopen an answered warning.
      await alarms.scan(new Date(Date.now() + 20 * HOUR + 60_000), false);
      expect(await openKeys(['CHANNEL_WARNING_OVERDUE'])).toEqual([]);
      const answeredList = await app.gql(`{ channelWarnings(filter: { answered: true }) { id respondedBy } }`);
      expect(answeredList.data!.channelWarnings.map((x: { id: string }) => x.id)).toEqual([w.id]);
    });
  });

  describe('shipment alarms', () => {
    // The last Thursday 12:00 UTC: late origin scans count business days, which fall the same way every run.
    const NOW = new Date();
    NOW.setUTCHours(12, 0, 0, 0);
    while (NOW.getUTCDay() !== 4 || NOW.getTime() > Date.now()) NOW.setTime(NOW.getTime() - DAY);
    const ago = (ms: number) => new Date(NOW.getTime() - ms);
    const ids: Record<string, string> = {};
    const shipmentOf = async (orderId: string): Promise<string> =>
      (await app.ds.query(`SELECT id FROM shipment WHERE order_id = $1`, [orderId]))[0].id;
    const shipped = (
      trackingNumber: string | null,
      at: Date,
      patch: Partial<NormalizedOrder> = {},
    ): Partial<NormalizedOrder> => ({
      status: 'SHIPPED',
      orderedAt: new Date(at.getTime() - DAY),
      shipBy: new Date(at.getTime() + HOUR),
      shipments: [shipment(trackingNumber, at)],
      ...patch,
    });

    beforeAll(async () => {
      ids.amazonSilent = await order(amazon, shipped('1Z999AA10000000001', ago(49 * HOUR)));
      ids.amazonScanned = await order(amazon, shipped('1Z999AA10000000002', ago(72 * HOUR)));
      ids.amazonRecent = await order(amazon, shipped('1Z999AA10000000003', ago(47 * HOUR)));
      ids.amazonOld = await order(amazon, shipped('1Z999AA10000000004', ago(31 * DAY)));
      ids.walmartOwn = await order(walmart, shipped('1Z999AA10000000005', ago(49 * HOUR)));
      ids.walmartMcf = await order(
        walmart,
        shipped('1Z999AA10000000006', ago(50 * HOUR), { fulfillmentMethod: 'MCF' }),
      );
      ids.fba = await order(amazon, shipped('1Z999AA10000000007', ago(49 * HOUR), { fulfillmentMethod: 'CHANNEL' }));
      const scanned = await shipmentOf(ids.amazonScanned);
      await app.ds.query(
        `INSERT INTO carrier_event (shipment_id, order_id, type, event_key, occurred_at, source) VALUES ($1, $2, 'SCANNED', 'SCANNED', $3, 'CHANNEL')`,
        [scanned, ids.amazonScanned, ago(60 * HOUR)],
      );
      // Tracking reuse: the same number (spaced, lower case) on a Walmart and an Amazon order 10 days apart; another 40 days apart.
      ids.reuseFirst = await order(walmart, shipped('9400 1000 0000 0000 0000 001', ago(12 * DAY)));
      ids.reuseSecond = await order(amazon, shipped('94001000000000000000001', ago(2 * DAY)));
      ids.farFirst = await order(walmart, shipped('9400100000000000000000002', ago(45 * DAY)));
      ids.farSecond = await order(walmart, shipped('9400100000000000000000002', ago(5 * DAY)));
      await app.ds.query(
        `INSERT INTO carrier_event (shipment_id, order_id, type, event_key, occurred_at, source) SELECT s.id, s.order_id, 'SCANNED', 'SCANNED', s.shipped_at, 'CHANNEL' FROM shipment s WHERE s.order_id = ANY($1)`,
        [[ids.reuseFirst, ids.reuseSecond, ids.farFirst, ids.farSecond]],
      );
    });

    it('late origin scan: only shipments the hub can follow, unscanned 2 business days after shipping; resolved by the first scan', async () => {
      await alarms.scan(NOW);
      const silent = await shipmentOf(ids.amazonSilent);
      const mcf = await shipmentOf(ids.walmartMcf);
      expect(await openKeys(['LATE_ORIGIN_SCAN'])).toEqual(
        [`late-origin-scan:${silent}`, `late-origin-scan:${mcf}`].sort(),
      );
      const [alert] = (await page({ filter: { kinds: ['LATE_ORIGIN_SCAN'], orderId: ids.walmartMcf }, first: 5 }))
        .edges;
      expect(alert.node).toMatchObject({ severity: 'HIGH', accountId: walmart.id, status: 'OPEN' });
      expect(alert.node.message).toMatch(
        /with UPS 1Z999AA10000000006, from a confirmation made outside the hub, imported from Walmart\. The carrier has not scanned it by \d{4}-\d\d-\d\d 10:00 UTC, its late-origin-scan deadline, as heard through Amazon MCF's package tracking\.$/,
      );

      await app.ds.query(
        `INSERT INTO carrier_event (shipment_id, order_id, type, event_key, occurred_at, source) VALUES ($1, $2, 'SCANNED', 'SCANNED', $3, 'MCF')`,
        [mcf, ids.walmartMcf, ago(HOUR)],
      );
      await alarms.scan(NOW);
      expect(await openKeys(['LATE_ORIGIN_SCAN'])).toEqual([`late-origin-scan:${silent}`]);
      // An hour later the 47-hour-old one is due too.
      await alarms.scan(new Date(NOW.getTime() + HOUR + 60_000));
      expect(await openKeys(['LATE_ORIGIN_SCAN'])).toEqual(
        [`late-origin-scan:${silent}`, `late-origin-scan:${await shipmentOf(ids.amazonRecent)}`].sort(),
      );
    });

    it('tracking reused within 30 days: one alert per number, as the rule finds it; resolved once corrected', async () => {
      await alarms.scan(NOW);
      const all: { order_id: string; tracking_number: string; shipped_at: Date }[] = await app.ds.query(
        `SELECT order_id, tracking_number, shipped_at FROM shipment`,
      );
      const oracle = findTrackingReuse(
        all.map((s) => ({ orderId: s.order_id, trackingNumber: s.tracking_number, shippedAt: new Date(s.shipped_at) })),
        NOW,
      );
      expect(oracle.map((r) => r.orderIds)).toEqual([[ids.reuseFirst, ids.reuseSecond]]);
      expect(await openKeys(['TRACKING_REUSED'])).toEqual(oracle.map((r) => `tracking-reused:${r.trackingNumber}`));
      const [alert] = (await page({ filter: { kinds: ['TRACKING_REUSED'] }, first: 5 })).edges;
      expect(alert.node).toMatchObject({ orderId: ids.reuseSecond, accountId: amazon.id, severity: 'HIGH' });
      expect(alert.node.message).toMatch(
        /94001000000000000000001 is on 2 orders within 30 days: Walmart order PO-\d+, Amazon order PO-\d+/,
      );

      await app.ds.query(`UPDATE shipment SET tracking_number = '94001000000000000000019' WHERE order_id = $1`, [
        ids.reuseSecond,
      ]);
      await alarms.scan(NOW);
      expect(await openKeys(['TRACKING_REUSED'])).toEqual([]);
    });

    it('held MCF tracking turns CRITICAL as ship-by nears and resolves once the order has shipped', async () => {
      const shipBy = new Date(NOW.getTime() + 3 * DAY);
      const held = await order(walmart, { shipBy, fulfillmentMethod: 'MCF' });
      await alerts.raise({
        conditionKey: `mcf-held:${held}:1`,
        kind: 'MCF_TRACKING_HELD',
        severity: 'HIGH',
        orderId: held,
        accountId: walmart.id,
        message: 'held',
      });
      const severity = async () =>
        (
          await app.ds.query(`SELECT severity, resolved_at FROM alert WHERE condition_key = $1`, [`mcf-held:${held}:1`])
        )[0];
      await alarms.scan(NOW, false);
      expect(await severity()).toMatchObject({ severity: 'HIGH', resolved_at: null });
      await alarms.scan(new Date(shipBy.getTime() - 12 * HOUR), false);
      expect(await severity()).toMatchObject({ severity: 'CRITICAL', resolved_at: null });
      expect(
        (await page({ filter: { severities: ['CRITICAL'], orderId: held }, first: 5 })).edges.map((e) => e.node.kind),
      ).toEqual(['MCF_TRACKING_HELD']);
      await app.ds.query(`UPDATE "order" SET status = 'SHIPPED' WHERE id = $1`, [held]);
      await alarms.scan(new Date(shipBy.getTime() - 12 * HOUR), false);
      expect((await severity()).resolved_at).not.toBeNull();
    });
  });
  describe('metric alarms per product category', () => {
    it('raises one alarm per failing category of Amazon valid tracking, naming it, and resolves it when the category recovers', async () => {
      const seller = await anAccount(app, 'AMAZON', 'America/New_York');
      await app.running.app.get(SkuCategoriesService).set(
        seller.id,
        [
          { sku: 'SKU-TOY', category: 'Toys' },
          { sku: 'SKU-HOME', category: 'Home' },
        ],
        'test',
      );
      const now = new Date();
      const line = (sku: string) => [{ ...anOrder().lines[0], sku, status: 'SHIPPED' as const, quantityShipped: 1 }];
      const shippedWith = (sku: string, trackingNumber: string) =>
        anOrder({
          status: 'SHIPPED',
          orderedAt: new Date(now.getTime() - 3 * DAY),
          shipBy: new Date(now.getTime() - DAY),
          channelUpdatedAt: new Date(now.getTime() - DAY),
          lines: line(sku),
          shipments: [shipment(trackingNumber, new Date(now.getTime() - 2 * DAY))],
        });
      await insertOrders(app, seller, [
        ...Array.from({ length: 60 }, () => shippedWith('SKU-TOY', validTrackingNumber())),
        // A wrong check digit: not valid tracking.
        ...[validTrackingNumber(), validTrackingNumber()].map((n) =>
          shippedWith('SKU-HOME', `${n.slice(0, -1)}${(Number(n.at(-1)) + 1) % 10}`),
        ),
      ]);
      // Amazon reports package scans: every parcel was scanned, so only the number's format tells them apart.
      await app.ds.query(
        `INSERT INTO carrier_event (shipment_id, order_id, type, event_key, occurred_at, source)
         SELECT s.id, s.order_id, 'SCANNED', 'SCANNED', s.shipped_at + interval '6 hours', 'CHANNEL'
           FROM shipment s JOIN "order" o ON o.id = s.order_id WHERE o.account_id = $1`,
        [seller.id],
      );
      const categoryKeys = async () =>
        (await openKeys(['COMPLIANCE_METRIC'])).filter((k) => k.startsWith(`metric:${seller.id}:VALID_TRACKING_RATE:`));

      await alarms.scan(now);
      expect(await categoryKeys()).toEqual([`metric:${seller.id}:VALID_TRACKING_RATE:Home`]);
      const [home] = (
        await page({ filter: { kinds: ['COMPLIANCE_METRIC'], accountId: seller.id }, first: 20 })
      ).edges.filter((e) => e.node.message.includes('in category Home'));
      expect(home.node).toMatchObject({ severity: 'HIGH', accountId: seller.id });
      expect(home.node.message).toMatch(/in category Home of .* is failing: 0\.00% \(0 of 2, 30 days\)/);

      const homeShipments: { id: string }[] = await app.ds.query(
        `SELECT s.id FROM shipment s JOIN order_line l ON l.order_id = s.order_id JOIN "order" o ON o.id = s.order_id WHERE o.account_id = $1 AND l.sku = 'SKU-HOME'`,
        [seller.id],
      );
      for (const { id } of homeShipments)
        await app.ds.query(`UPDATE shipment SET tracking_number = $2 WHERE id = $1`, [id, validTrackingNumber()]);
      await alarms.scan(now);
      expect(await categoryKeys()).toEqual([]);
    });
  });
});
