import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { REPORT_CSV_HEADER } from '../src/modules/compliance/csv/compliance-csv.controller';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2026-11-20T12:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

/** RFC 4180 reading, to check what the endpoints write round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe.each(testDatabases())('evidence and CSV downloads on %s', (kind) => {
  let app: TestApp;
  let walmart: ChannelAccountEntity;
  let orderId: string;
  let shipmentId: string;
  let viewerToken: string;
  const tracking = validTrackingNumber('UPS');

  const get = (path: string, token: string | null = app.adminToken) =>
    fetch(`${app.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    app = await startTestApp(kind);
    walmart = await anAccount(app, 'WALMART', 'UTC');
    [orderId] = await insertOrders(app, walmart, [
      anOrder({
        channelOrderId: 'PO-EVIDENCE-1',
        orderedAt: at(-3 * DAY),
        channelUpdatedAt: at(-3 * DAY),
        shipBy: at(-2 * DAY),
        status: 'SHIPPED',
        shipments: [
          {
            carrier: 'UPS',
            service: null,
            trackingNumber: tracking,
            trackingUrl: null,
            shippedAt: at(-2.5 * DAY),
            packageType: 'PARCEL',
            weightOz: null,
            lengthIn: null,
            widthIn: null,
            heightIn: null,
            lines: [{ lineNumber: '1', quantity: 1 }],
          },
        ],
      }),
    ]);
    [{ id: shipmentId }] = await app.ds.query(`SELECT id FROM shipment WHERE order_id = $1`, [orderId]);
    const [{ id: outboxId }] = await app.ds.query(
      `INSERT INTO outbox (account_id, order_id, shipment_id, operation, payload, idempotency_key, status, attempts, next_attempt_at, created_by, delivered_at, created_at)
       VALUES ($1, $2, $3, 'SHIP', '{}', 'evidence-test:ship', 'DELIVERED', 2, $4, 'token:alice', $5, $4) RETURNING id`,
      [walmart.id, orderId, shipmentId, at(-2.5 * DAY), at(-2.5 * DAY + 60_000)],
    );
    const attempt = (
      n: number,
      startedAt: Date,
      status: number | null,
      body: unknown,
      outcome: string,
      error: string | null,
    ) =>
      app.ds.query(
        `INSERT INTO outbox_attempt (outbox_id, attempt, started_at, duration_ms, request, response_status, response_body, outcome, error) VALUES ($1, $2, $3, 120, $4, $5, $6, $7, $8)`,
        [
          outboxId,
          n,
          startedAt,
          { method: 'POST', path: '/v3/orders/PO-EVIDENCE-1/shipping', body: { lines: 1 } },
          status,
          body === null ? null : JSON.stringify(body),
          outcome,
          error,
        ],
      );
    await attempt(1, at(-2.5 * DAY + 1_000), 503, { error: 'Service Unavailable' }, 'RETRY', 'HTTP 503');
    await attempt(
      2,
      at(-2.5 * DAY + 30_000),
      200,
      { order: { status: 'Shipped', note: 'a "quoted", comma' } },
      'DELIVERED',
      null,
    );
    await app.ds.query(
      `INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, order_id, before, after) VALUES ($1, 'token:bob', 'shipment.tracking_updated', 'shipment', $2, $3, $4, $5)`,
      [at(-2 * DAY), shipmentId, orderId, { trackingNumber: 'OLD' }, { carrier: 'UPS', trackingNumber: tracking }],
    );
    await app.ds.query(
      `INSERT INTO carrier_event (shipment_id, order_id, type, event_key, occurred_at, source, description) VALUES ($1, $2, 'SCANNED', 'SCANNED', $3, 'CHANNEL', 'Origin scan, Reno NV'), ($1, $2, 'DELIVERED', 'DELIVERED', $4, 'CHANNEL', 'Front door')`,
      [shipmentId, orderId, at(-2.4 * DAY), at(-1 * DAY)],
    );
    const created = await app.gql(`mutation { createApiToken(input: { name: "auditor", role: VIEWER }) { token } }`);
    viewerToken = created.data!.createApiToken.token;
  });
  afterAll(() => app?.close());

  it('orderEvidence: the calls with every attempt, the tracking with carrier events, who did what, and one timeline', async () => {
    const res = await app.gql(
      `query ($id: ID!) { orderEvidence(orderId: $id) {
          order { id channelOrderId status }
          channelCalls { operation status createdBy deliveredAt attempts { attempt startedAt request responseStatus responseExcerpt outcome error } }
          shipments { carrier trackingNumber source events { type occurredAt source description } }
          audit { actor action summary }
          events { at kind actor detail }
          csvPath } }`,
      { id: orderId },
    );
    expect(res.errors).toBeUndefined();
    const e = res.data!.orderEvidence;
    expect(e.order).toEqual({ id: orderId, channelOrderId: 'PO-EVIDENCE-1', status: 'SHIPPED' });
    expect(e.channelCalls).toEqual([
      {
        operation: 'SHIP',
        status: 'DELIVERED',
        createdBy: 'token:alice',
        deliveredAt: at(-2.5 * DAY + 60_000).toISOString(),
        attempts: [
          {
            attempt: 1,
            startedAt: at(-2.5 * DAY + 1_000).toISOString(),
            request: 'POST /v3/orders/PO-EVIDENCE-1/shipping',
            responseStatus: 503,
            responseExcerpt: '{"error":"Service Unavailable"}',
            outcome: 'RETRY',
            error: 'HTTP 503',
          },
          {
            attempt: 2,
            startedAt: at(-2.5 * DAY + 30_000).toISOString(),
            request: 'POST /v3/orders/PO-EVIDENCE-1/shipping',
            responseStatus: 200,
            responseExcerpt: '{"order":{"note":"a \\"quoted\\", comma","status":"Shipped"}}',
            outcome: 'DELIVERED',
            error: null,
          },
        ],
      },
    ]);
    expect(e.shipments).toEqual([
      {
        carrier: 'UPS',
        trackingNumber: tracking,
        source: 'CHANNEL',
        events: [
          {
            type: 'SCANNED',
            occurredAt: at(-2.4 * DAY).toISOString(),
            source: 'CHANNEL',
            description: 'Origin scan, Reno NV',
          },
          { type: 'DELIVERED', occurredAt: at(-1 * DAY).toISOString(), source: 'CHANNEL', description: 'Front door' },
        ],
      },
    ]);
    // The import is audited at the real time of the test run, after the fixture's dates.
    expect(e.audit.map((a: { action: string }) => a.action)).toEqual(['shipment.tracking_updated', 'order.imported']);
    expect(e.audit[0]).toEqual({
      actor: 'token:bob',
      action: 'shipment.tracking_updated',
      summary: `carrier=UPS, trackingNumber=${tracking}`,
    });
    expect(e.csvPath).toBe(`/api/orders/${orderId}/evidence.csv`);

    expect(e.events.map((ev: { kind: string }) => ev.kind)).toEqual([
      'ORDER_PLACED',
      'CHANNEL_CALL_QUEUED',
      'SHIPPED',
      'CHANNEL_CALL_ATTEMPT',
      'CHANNEL_CALL_ATTEMPT',
      'CARRIER_SCANNED',
      'shipment.tracking_updated',
      'CARRIER_DELIVERED',
      'order.imported',
    ]);
    expect(e.events).toContainEqual({
      at: at(-2.5 * DAY + 1_000).toISOString(),
      kind: 'CHANNEL_CALL_ATTEMPT',
      actor: 'system:deliver-outbox',
      detail:
        'SHIP attempt 1: POST /v3/orders/PO-EVIDENCE-1/shipping → HTTP 503 RETRY HTTP 503 {"error":"Service Unavailable"}',
    });
    expect(e.events).toContainEqual({
      at: at(-1 * DAY).toISOString(),
      kind: 'CARRIER_DELIVERED',
      actor: 'carrier:CHANNEL',
      detail: `${tracking} Front door`,
    });
  });

  it('evidence.csv: one row per timeline event, quoted where needed, as an attachment', async () => {
    const res = await get(`/api/orders/${orderId}/evidence.csv`, viewerToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="evidence-WALMART-PO-EVIDENCE-1.csv"');
    const text = await res.text();
    expect(text).toContain(
      '"SHIP attempt 2: POST /v3/orders/PO-EVIDENCE-1/shipping → HTTP 200 DELIVERED {""order"":{""note"":""a \\""quoted\\"", comma"",""status"":""Shipped""}}"',
    );
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(['at', 'kind', 'actor', 'detail']);
    const gql = await app.gql(`query ($id: ID!) { orderEvidence(orderId: $id) { events { at kind actor detail } } }`, {
      id: orderId,
    });
    expect(rows).toEqual(
      gql.data!.orderEvidence.events.map((ev: Record<string, string>) => [ev.at, ev.kind, ev.actor, ev.detail]),
    );
  });

  it('evidence: the GraphQL token rules, and a clear answer for a missing or malformed order id', async () => {
    expect((await get(`/api/orders/${orderId}/evidence.csv`, null)).status).toBe(401);
    const unknown = await get(`/api/orders/${orderId}/evidence.csv`, 'not-a-real-token');
    expect(unknown.status).toBe(401);
    expect(((await unknown.json()) as { message: string }).message).toBe(
      'The API token is unknown or has been revoked.',
    );

    const missing = await get(`/api/orders/00000000-0000-4000-8000-000000000000/evidence.csv`);
    expect(missing.status).toBe(404);
    const malformed = await get(`/api/orders/123/evidence.csv`);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { message: string }).message).toBe(
      'id: must be an id returned by the API (a UUID).',
    );

    const gqlMissing = await app.gql(`{ orderEvidence(orderId: "00000000-0000-4000-8000-000000000000") { csvPath } }`);
    expect(gqlMissing.errors![0].extensions.code).toBe('NOT_FOUND');
    const gqlMalformed = await app.gql(`{ orderEvidence(orderId: "123") { csvPath } }`);
    expect(gqlMalformed.errors![0]).toMatchObject({
      message: 'orderId: must be an id returned by the API (a UUID).',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('report.csv: one row per metric with what complianceReport states', async () => {
    const asOf = NOW.toISOString();
    const res = await get(
      `/api/compliance/report.csv?channel=WALMART&accountId=${walmart.id}&asOf=${asOf}`,
      viewerToken,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="compliance-WALMART-${walmart.id}-2026-11-20T12_00_00.csv"`,
    );
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual([...REPORT_CSV_HEADER]);

    const report = await app.gql(
      `query ($a: ID, $t: DateTime) { complianceReport(channel: WALMART, accountId: $a, asOf: $t) { metrics {
          key category label value numerator denominator threshold comparator status windowStart windowEnd policyVersion exclusions { reason count }
          awaitingFirstScan carrierData { usesCarrierData asOf note } trackingValidByConstruction } } }`,
      { a: walmart.id, t: asOf },
    );
    const metrics = report.data!.complianceReport.metrics as Record<string, any>[];
    expect(rows).toHaveLength(metrics.length);
    const text = (v: string | number | null) => (v === null ? '' : String(v));
    // Rates to two decimals of a percent, as the page shows them.
    const rounded = (v: number | null) => (v === null ? '' : String(Math.round(v * 100) / 100));
    expect(rows).toEqual(
      metrics.map((m) => [
        m.key,
        text(m.category),
        m.label,
        rounded(m.value),
        String(m.numerator),
        String(m.denominator),
        rounded(m.threshold),
        text(m.comparator),
        m.status,
        m.windowStart,
        m.windowEnd,
        m.policyVersion,
        m.exclusions.map((x: { reason: string; count: number }) => `${x.reason}=${x.count}`).join('; '),
        String(m.awaitingFirstScan),
        String(m.carrierData.usesCarrierData),
        text(m.carrierData.asOf),
        m.carrierData.note,
        text(m.trackingValidByConstruction),
      ]),
    );
    // The shipped order the carrier scanned is in the valid tracking rate: on the channel's word, no provider is on.
    expect(rows.find((r) => r[0] === 'VALID_TRACKING_RATE')!.slice(3, 6)).toEqual(['100', '1', '1']);
    expect(rows.find((r) => r[0] === 'VALID_TRACKING_RATE')!.slice(13)).toEqual([
      '0',
      'true',
      '',
      'Carrier scans reported by the channel only (no tracking provider)',
      // Its tracking was typed, not from a label bought in the hub.
      '0',
    ]);
    expect(rows.find((r) => r[0] === 'REFUND_RATE')!.slice(14)).toEqual([
      'false',
      '',
      'Not based on carrier scans',
      '',
    ]);
  });

  it.each([
    ['', 'channel: is required.'],
    ['channel=EBAY', 'channel: must be one of WALMART, AMAZON.'],
    ['channel=WALMART&accountId=42', 'accountId: must be an id returned by the API (a UUID).'],
    [
      'channel=WALMART&asOf=yesterday',
      'asOf: must be an ISO-8601 date and time with a time zone offset or Z, on a real calendar day, e.g. 2026-12-03T09:30:00Z.',
    ],
  ])('report.csv?%s is refused with 400: %s', async (query, message) => {
    const res = await get(`/api/compliance/report.csv?${query}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message, field: message.split(':')[0] });
  });

  it('report.csv needs a token', async () => {
    expect((await get(`/api/compliance/report.csv?channel=WALMART`, null)).status).toBe(401);
  });
});
