import type { NormalizedOrder } from '@order-hub/types';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { ComplianceAlarmsService, formatTimeLeft } from '../src/modules/compliance/compliance-alarms.service';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 10:00 in Los Angeles: the Walmart account's day ends at 2026-11-21T08:00Z.
const NOW = new Date('2026-11-20T18:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('formatTimeLeft', () => {
  it.each([
    [3 * DAY + 2 * HOUR + 59_000, '3 d 2 h'],
    [2 * HOUR + 5 * 60_000, '2 h 5 min'],
    [-1, '0 h 0 min'],
  ])('%s ms is %s', (ms, text) => expect(formatTimeLeft(ms)).toBe(text));
});

describe.each(testDatabases())('compliance alarms on %s', (kind) => {
  let app: TestApp;
  let alarms: ComplianceAlarmsService;
  let walmart: ChannelAccountEntity;
  let amazon: ChannelAccountEntity;
  const ids: Record<string, string> = {};
  let failedRow: string;

  const openAlerts = (): Promise<{ condition_key: string; kind: string; severity: string; message: string }[]> =>
    app.ds.query(
      `SELECT condition_key, kind, severity, message FROM alert WHERE resolved_at IS NULL ORDER BY condition_key`,
    );
  const keysOf = (rows: { condition_key: string }[]) => rows.map((r) => r.condition_key).sort();

  async function add(account: ChannelAccountEntity, name: string, order: Partial<NormalizedOrder>) {
    [ids[name]] = await insertOrders(app, account, [
      anOrder({ channelUpdatedAt: order.orderedAt ?? later(-DAY), ...order }),
    ]);
  }

  beforeAll(async () => {
    app = await startTestApp(kind);
    alarms = app.running.app.get(ComplianceAlarmsService);
    walmart = await anAccount(app, 'WALMART', 'America/Los_Angeles');
    amazon = await anAccount(app, 'AMAZON', 'UTC');
    const created = { status: 'CREATED' as const, acknowledgedAt: null, shipBy: later(2 * DAY) };
    await add(walmart, 'ackSoon', { ...created, orderedAt: later(-3.5 * HOUR) });
    await add(walmart, 'ackOverdue', { ...created, orderedAt: later(-5 * HOUR) });
    await add(walmart, 'shipToday', { orderedAt: later(-DAY), shipBy: later(5 * HOUR) });
    await add(walmart, 'shipTomorrow', { orderedAt: later(-DAY), shipBy: later(20 * HOUR) });
    await add(walmart, 'pastDue', { orderedAt: later(-3 * DAY), shipBy: later(-DAY) });
    await add(walmart, 'wfsPastDue', { orderedAt: later(-3 * DAY), shipBy: later(-DAY), fulfillmentMethod: 'CHANNEL' });
    await add(walmart, 'shipped', {
      orderedAt: later(-3 * DAY),
      shipBy: later(-2 * DAY),
      status: 'SHIPPED',
      shipments: [
        {
          carrier: 'UPS',
          service: null,
          trackingNumber: '1Z999AA10123456785',
          trackingUrl: null,
          shippedAt: later(-2.5 * DAY),
          packageType: 'PARCEL',
          weightOz: null,
          lengthIn: null,
          widthIn: null,
          heightIn: null,
          lines: [{ lineNumber: '1', quantity: 1 }],
        },
      ],
    });
    await add(amazon, 'amazonPastDue', { orderedAt: later(-DAY), shipBy: later(-2 * HOUR) });
    const outbox = (status: string, discardReason: string | null, key: string) =>
      app.ds.query(
        `INSERT INTO outbox (account_id, order_id, operation, payload, idempotency_key, status, next_attempt_at, created_by, last_error, discard_reason)
         VALUES ($1, $2, 'SHIP', '{}', $3, $4, now(), 'test', 'INVALID_REQUEST_CONTENT', $5) RETURNING id`,
        [walmart.id, ids.shipped, key, status, discardReason],
      );
    [{ id: failedRow }] = await outbox('FAILED', null, 'alarm-test:failed');
    await outbox('DEAD', 'sent by hand in Seller Center', 'alarm-test:discarded');
  });
  afterAll(() => app?.close());

  it('raises one alert per condition, and a second scan opens nothing new', async () => {
    await alarms.scan(NOW);
    const open = await openAlerts();
    expect(keysOf(open)).toEqual(
      [
        `ack-due:${ids.ackSoon}`,
        `ack-overdue:${ids.ackOverdue}`,
        `ship-by-today:${ids.shipToday}`,
        `past-ship-by:${ids.pastDue}`,
        `auto-cancel-risk:${ids.pastDue}`,
        `past-ship-by:${ids.amazonPastDue}`,
        `outbox-failed:${failedRow}`,
        `metric:${walmart.id}:VALID_TRACKING_RATE`,
        `metric:${amazon.id}:LATE_SHIPMENT_RATE_10D`,
        `metric:${amazon.id}:LATE_SHIPMENT_RATE_30D`,
      ].sort(),
    );
    const byKey = Object.fromEntries(open.map((a) => [a.condition_key, a]));
    expect(byKey[`auto-cancel-risk:${ids.pastDue}`]).toMatchObject({ kind: 'AUTO_CANCEL_RISK', severity: 'HIGH' });
    // Auto-cancel at ship-by + 4 calendar days: three days from now.
    expect(byKey[`auto-cancel-risk:${ids.pastDue}`].message).toContain('(in 3 d 0 h)');
    expect(byKey[`ack-due:${ids.ackSoon}`].message).toContain('within 0 h 30 min');
    expect(byKey[`metric:${walmart.id}:VALID_TRACKING_RATE`]).toMatchObject({
      kind: 'COMPLIANCE_METRIC',
      severity: 'HIGH',
    });
    expect(byKey[`metric:${walmart.id}:VALID_TRACKING_RATE`].message).toContain(
      '0.00% (0 of 1, 30 days) against AT_LEAST 99% (walmart-2026-01-29)',
    );

    const rowsBefore = await app.ds.query(`SELECT count(*)::int AS n FROM alert`);
    await alarms.scan(NOW);
    await alarms.scan(later(60_000));
    expect(await app.ds.query(`SELECT count(*)::int AS n FROM alert`)).toEqual(rowsBefore);
    expect(keysOf(await openAlerts())).toEqual(keysOf(open));

    const listed = await app.gql(
      `{ alerts(filter: { statuses: [OPEN, ACKNOWLEDGED] }, first: 200) { totalCount edges { node { kind status orderId accountId } } } }`,
    );
    expect(listed.data!.alerts.totalCount).toBe(open.length);
    expect(listed.data!.alerts.edges).toHaveLength(open.length);
    expect(new Set(listed.data!.alerts.edges.map((e: { node: { status: string } }) => e.node.status))).toEqual(
      new Set(['OPEN']),
    );
  });

  it('resolves each alert when its condition clears, and opens the next one as time passes', async () => {
    await app.ds.query(`UPDATE "order" SET status = 'ACKNOWLEDGED', acknowledged_at = $2 WHERE id = ANY($1)`, [
      [ids.ackSoon, ids.ackOverdue],
      NOW,
    ]);
    await app.ds.query(`UPDATE "order" SET status = 'SHIPPED' WHERE id = $1`, [ids.pastDue]);
    await app.ds.query(`UPDATE outbox SET status = 'PENDING' WHERE id = $1`, [failedRow]);
    await app.ds.query(`UPDATE shipment SET tracking_number = '1Z999AA10123456784' WHERE order_id = $1`, [ids.shipped]);
    await alarms.scan(NOW);
    expect(keysOf(await openAlerts())).toEqual(
      [
        `ship-by-today:${ids.shipToday}`,
        `past-ship-by:${ids.amazonPastDue}`,
        `metric:${amazon.id}:LATE_SHIPMENT_RATE_10D`,
        `metric:${amazon.id}:LATE_SHIPMENT_RATE_30D`,
      ].sort(),
    );
    const resolved: { n: number }[] = await app.ds.query(
      `SELECT count(*)::int AS n FROM alert WHERE resolved_at IS NOT NULL`,
    );
    expect(resolved[0].n).toBe(6);

    // The next morning in Los Angeles: yesterday's "ship today" is past due, tomorrow's is due today.
    await alarms.scan(later(15 * HOUR), false);
    const next = keysOf(await openAlerts());
    expect(next).toEqual(
      expect.arrayContaining([
        `past-ship-by:${ids.shipToday}`,
        `auto-cancel-risk:${ids.shipToday}`,
        `ship-by-today:${ids.shipTomorrow}`,
        `metric:${amazon.id}:LATE_SHIPMENT_RATE_10D`,
      ]),
    );
    expect(next).not.toContain(`ship-by-today:${ids.shipToday}`);
  });
});
