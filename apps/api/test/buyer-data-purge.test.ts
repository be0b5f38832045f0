import type { Channel, NormalizedOrder } from '@order-hub/types';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { BuyerDataPurgeService } from '../src/modules/buyer-data/purge/buyer-data-purge.service';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

/** A buyer with a name and street found nowhere else, so a text search of the whole database can find every copy. */
interface Buyer {
  key: string;
  name: string;
  street: string;
  email: string;
  phone: string;
}

let phones = 0;
const buyer = (key: string, name: string, street: string): Buyer => ({
  key,
  name,
  street,
  email: `${key.toLowerCase()}-buyer@marketplace.example`,
  phone: `+1 512-555-01${String((phones += 1)).padStart(2, '0')}`,
});

const BUYERS = {
  amazon31: buyer('A31', 'Zebulon Quartermaine', '4471 Wintergreen Hollow Rd'),
  amazon29: buyer('A29', 'Philippa Oddington', '902 Larkspur Terrace'),
  walmart31: buyer('W31', 'Ignatius Bellweather', '15 Foxglove Crescent'),
  walmart29: buyer('W29', 'Marisol Thistlewood', '77 Juniper Ridge Way'),
  cancelled31: buyer('C31', 'Octavia Pennyworth', '3 Kestrel Lane'),
  undelivered61: buyer('S61', 'Barnaby Fairweather', '640 Halcyon Bluff Dr'),
  undelivered45: buyer('S45', 'Rosalind Ashcombe', '28 Meadowlark Bend'),
  quarantined: buyer('Q61', 'Cornelius Whitlock', '9 Tamarack Court'),
};

describe.each(testDatabases())('buyer data purge on %s', (kind) => {
  let app: TestApp;
  let amazon: ChannelAccountEntity;
  let walmart: ChannelAccountEntity;
  const orderIds = new Map<string, string>();

  /** Every text, varchar and json(b) column of every table where `needle` occurs. */
  async function whereFound(needle: string): Promise<string[]> {
    const columns: { table_name: string; column_name: string }[] = await app.ds.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'character')`,
    );
    expect(columns.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const c of columns) {
      const [row]: { n: number }[] = await app.ds.query(
        `SELECT count(*)::int AS n FROM "${c.table_name}" WHERE "${c.column_name}"::text ILIKE $1`,
        [`%${needle}%`],
      );
      if (row.n > 0) found.push(`${c.table_name}.${c.column_name}`);
    }
    return found;
  }

  /** An order of `channel` carrying `b` in its ship-to and its raw payload, as the channels send them. */
  function orderOf(b: Buyer, channel: Channel, overrides: Partial<NormalizedOrder>): NormalizedOrder {
    const shipTo = {
      name: b.name,
      line1: b.street,
      line2: 'Apt 4B',
      city: 'Austin',
      stateOrRegion: 'TX',
      postalCode: '78704-1234',
      countryCode: 'US',
      phone: b.phone,
    };
    const rawPayload =
      channel === 'AMAZON'
        ? {
            AmazonOrderId: `111-${b.key}`,
            ShippingAddress: {
              Name: b.name,
              AddressLine1: b.street,
              City: 'Austin',
              PostalCode: '78704-1234',
              Phone: b.phone,
            },
            BuyerInfo: { BuyerEmail: b.email, BuyerName: b.name },
          }
        : {
            purchaseOrderId: `PO-${b.key}`,
            customerEmailId: b.email,
            shippingInfo: {
              phone: b.phone,
              postalAddress: { name: b.name, address1: b.street, city: 'Austin', state: 'TX', postalCode: '78704' },
            },
          };
    return anOrder({ channelOrderId: `PURGE-${b.key}`, shipTo, rawPayload, ...overrides });
  }

  function shipped(at: Date, trackingNumber: string): Partial<NormalizedOrder> {
    return {
      status: 'SHIPPED',
      orderedAt: new Date(at.getTime() - 3 * DAY),
      shipBy: new Date(at.getTime() + DAY),
      shipments: [
        {
          carrier: 'UPS',
          service: null,
          trackingNumber,
          trackingUrl: null,
          shippedAt: at,
          packageType: 'PARCEL',
          weightOz: null,
          lengthIn: null,
          widthIn: null,
          heightIn: null,
          lines: [{ lineNumber: '1', quantity: 1 }],
        },
      ],
    };
  }

  async function deliveredEvent(orderId: string, at: Date): Promise<void> {
    const [s]: { id: string }[] = await app.ds.query(`SELECT id FROM shipment WHERE order_id = $1`, [orderId]);
    for (const e of [
      { type: 'SCANNED', status: 'IN_TRANSIT', at: new Date(at.getTime() - 2 * DAY), city: 'Reno', zip: '89501' },
      { type: 'DELIVERED', status: 'DELIVERED', at, city: 'Austin', zip: '78704' },
    ]) {
      await app.ds.query(
        `INSERT INTO carrier_event (shipment_id, order_id, type, event_key, status, occurred_at, source, description, city, state, zip, country)
         VALUES ($1, $2, $3, $3, $4, $5, 'TRACKING_PROVIDER', $6, $7, 'TX', $8, 'US')`,
        [s.id, orderId, e.type, e.status, e.at, `${e.type} scan`, e.city, e.zip],
      );
    }
  }

  async function deliveredTracker(orderId: string, at: Date): Promise<void> {
    const [s]: { id: string; tracking_number: string }[] = await app.ds.query(
      `SELECT id, tracking_number FROM shipment WHERE order_id = $1`,
      [orderId],
    );
    await app.ds.query(
      `INSERT INTO shipment_tracker (shipment_id, order_id, provider, provider_tracker_id, tracking_code, carrier, state, status,
         delivered_at, delivery_city, delivery_state, delivery_zip, delivery_country, address_match, checked_at, created_at)
       VALUES ($1, $2, 'EASYPOST', $3, $4, 'UPS', 'DONE', 'DELIVERED', $5, 'Austin', 'TX', '78704', 'US', 'MATCH', $5, $5)`,
      [s.id, orderId, `trk_${orderId.slice(0, 8)}`, s.tracking_number, at],
    );
  }

  /** Copies the hub makes of a buyer while working an order: audit trail, outbox and its attempts, alerts, quarantine, warnings. */
  async function copiesOf(orderId: string, account: ChannelAccountEntity, b: Buyer): Promise<void> {
    const address = { name: b.name, addressLine1: b.street, city: 'Austin', postalCode: '78704', phone: b.phone };
    await app.ds.query(
      `INSERT INTO audit_event (actor, action, entity_type, entity_id, order_id, before, after)
       VALUES ('user:ops@seller.example', 'order.ship_to_corrected', 'order', $1, $1, $2, $3)`,
      [
        orderId,
        JSON.stringify({ shipTo: { name: b.name, line1: 'old street' } }),
        JSON.stringify({ shipTo: { name: b.name, line1: b.street } }),
      ],
    );
    const [outbox]: { id: string }[] = await app.ds.query(
      `INSERT INTO outbox (account_id, order_id, operation, payload, idempotency_key, status, next_attempt_at, created_by, last_error)
       VALUES ($1, $2, 'MCF_CREATE', $3, $4, 'DELIVERED', now(), 'user:ops@seller.example', $5) RETURNING id`,
      [
        account.id,
        orderId,
        JSON.stringify({ destinationAddress: address, displayableOrderComment: `Thanks ${b.name}` }),
        `purge-test-${orderId}`,
        `Address line 1 "${b.street}" is too long`,
      ],
    );
    await app.ds.query(
      `INSERT INTO outbox_attempt (outbox_id, attempt, started_at, duration_ms, request, response_status, response_body, outcome, error)
       VALUES ($1, 1, now(), 12, $2, 400, $3, 'REJECTED', $4)`,
      [
        outbox.id,
        JSON.stringify({ body: { destinationAddress: address } }),
        JSON.stringify({ errors: [{ message: `Invalid address for ${b.name}` }] }),
        `Rejected: ${b.street}`,
      ],
    );
    await app.ds.query(
      `INSERT INTO alert (kind, severity, condition_key, order_id, account_id, message, action, resolved_at)
       VALUES ('ADDRESS', 'WARN', $1, $2, $3, $4, 'Check the address', now())`,
      [`address:${orderId}`, orderId, account.id, `Undeliverable to ${b.name}, ${b.street}`],
    );
    await app.ds.query(
      `INSERT INTO order_quarantine (account_id, channel_order_id, stage, reason, payload, resolved_at)
       VALUES ($1, $2, 'MAP', $3, $4, now())`,
      [
        account.id,
        `PURGE-${b.key}`,
        `shipTo.line1 of ${b.name} is empty`,
        JSON.stringify({ buyer: b.name, street: b.street }),
      ],
    );
    const [first, ...rest] = b.name.split(' ');
    await app.ds.query(
      `INSERT INTO order_return (account_id, channel, channel_return_id, channel_order_id, order_id, status, requested_at, currency, raw)
       SELECT $1, o.channel, $2, o.channel_order_id, o.id, 'RECEIVED', now(), 'USD', $3 FROM "order" o WHERE o.id = $4`,
      [
        account.id,
        `RMA-${b.key}`,
        JSON.stringify({
          customerName: { firstName: first, lastName: rest.join(' ') },
          customerEmailId: b.email,
          note: `${b.name}, ${b.street}`,
        }),
        orderId,
      ],
    );
    await app.ds.query(
      `INSERT INTO channel_warning (account_id, subject, message, received_at, respond_by, logged_by)
       VALUES ($1, 'Buyer complaint', $2, now(), now() + interval '2 days', 'user:ops@seller.example')`,
      [account.id, `Buyer ${b.name} (${b.email}) says the parcel to ${b.street} never arrived`],
    );
  }

  beforeAll(async () => {
    app = await startTestApp(kind);
    amazon = await anAccount(app, 'AMAZON', 'UTC');
    walmart = await anAccount(app, 'WALMART', 'UTC');

    const add = async (
      key: keyof typeof BUYERS,
      account: ChannelAccountEntity,
      overrides: Partial<NormalizedOrder>,
    ) => {
      const b = BUYERS[key];
      const [id] = await insertOrders(app, account, [orderOf(b, account.channel, overrides)]);
      orderIds.set(key, id);
      await copiesOf(id, account, b);
      return id;
    };

    // Delivered 31 / 29 days ago, read from the carrier's DELIVERED event (Amazon) or the tracker (Walmart).
    await deliveredEvent(await add('amazon31', amazon, shipped(ago(34), validTrackingNumber('UPS'))), ago(31));
    await deliveredEvent(await add('amazon29', amazon, shipped(ago(32), validTrackingNumber('UPS'))), ago(29));
    await deliveredTracker(await add('walmart31', walmart, shipped(ago(33), validTrackingNumber('UPS'))), ago(31));
    await deliveredTracker(await add('walmart29', walmart, shipped(ago(31), validTrackingNumber('UPS'))), ago(29));
    // Cancelled 31 days ago: counts from the cancellation.
    await add('cancelled31', amazon, {
      status: 'CANCELLED',
      orderedAt: ago(33),
      shipBy: ago(31),
      channelUpdatedAt: ago(31),
    });
    // Shipped, never scanned delivered: counted as delivered 30 days after shipping.
    await add('undelivered61', amazon, shipped(ago(61), validTrackingNumber('UPS')));
    await add('undelivered45', amazon, shipped(ago(45), validTrackingNumber('UPS')));
    // Quarantined and never imported, last seen 61 days ago.
    const q = BUYERS.quarantined;
    await app.ds.query(
      `INSERT INTO order_quarantine (account_id, channel_order_id, stage, reason, payload, first_seen_at, last_seen_at)
       VALUES ($1, 'NEVER-IMPORTED', 'MAP', 'orderedAt missing', $2, $3, $3)`,
      [amazon.id, JSON.stringify({ ShippingAddress: { Name: q.name, AddressLine1: q.street } }), ago(61)],
    );
  }, 120_000);
  afterAll(() => app?.close());

  const gone = ['amazon31', 'walmart31', 'cancelled31', 'undelivered61', 'quarantined'] as const;
  const kept = ['amazon29', 'walmart29', 'undelivered45'] as const;

  it('holds every buyer somewhere before the purge (the search can find them)', async () => {
    for (const key of [...gone, ...kept]) {
      expect(await whereFound(BUYERS[key].name)).not.toEqual([]);
      expect(await whereFound(BUYERS[key].street)).not.toEqual([]);
    }
    expect(await whereFound(BUYERS.amazon31.street)).toEqual(
      expect.arrayContaining([
        'order.ship_to',
        'order.raw_payload',
        'audit_event.after',
        'outbox.payload',
        'outbox.last_error',
        'outbox_attempt.request',
        'outbox_attempt.error',
        'alert.message',
        'order_quarantine.payload',
        'order_return.raw',
        'channel_warning.message',
      ]),
    );
  });

  it('removes the buyer past retention from every column of every table, and keeps the others', async () => {
    const svc = app.running.app.get(BuyerDataPurgeService);
    const now = new Date();
    // Two workers at once on PostgreSQL: each order is purged once (SKIP LOCKED), none twice or missed.
    const runs =
      kind === 'postgres' ? await Promise.all([svc.purgeDue(now), svc.purgeDue(now)]) : [await svc.purgeDue(now)];
    expect(runs.reduce((n, r) => n + r.orders, 0)).toBe(4);
    expect(runs.reduce((n, r) => n + r.quarantinePayloads, 0)).toBeGreaterThanOrEqual(1);

    for (const key of gone) {
      const b = BUYERS[key];
      for (const needle of [b.name, b.street, b.email, b.phone])
        expect([key, await whereFound(needle)]).toEqual([key, []]);
    }
    for (const key of kept) {
      expect(await whereFound(BUYERS[key].name)).toEqual(
        expect.arrayContaining(['order.ship_to', 'order.raw_payload']),
      );
      expect(await whereFound(BUYERS[key].street)).toEqual(
        expect.arrayContaining(['order.ship_to', 'audit_event.after', 'outbox.payload', 'outbox_attempt.request']),
      );
    }
  });

  it('keeps what compliance needs: city, state, ZIP3, country, dates and tracking; the delivery scan keeps ZIP3', async () => {
    const id = orderIds.get('amazon31')!;
    const [order] = await app.ds.query(
      `SELECT ship_to, ship_to_name, buyer_data_redacted_at, ordered_at, status FROM "order" WHERE id = $1`,
      [id],
    );
    expect(order.ship_to).toEqual({
      name: null,
      line1: null,
      line2: null,
      line3: null,
      city: 'Austin',
      stateOrRegion: 'TX',
      postalCode: '787',
      countryCode: 'US',
      phone: null,
    });
    expect(order.ship_to_name).toBeNull();
    expect(order.buyer_data_redacted_at).not.toBeNull();
    expect(order.status).toBe('SHIPPED');
    const events: { type: string; zip: string; occurred_at: Date }[] = await app.ds.query(
      `SELECT type, zip, occurred_at FROM carrier_event WHERE order_id = $1 ORDER BY occurred_at`,
      [id],
    );
    expect(events.map((e) => [e.type, e.zip])).toEqual([
      ['SCANNED', '89501'],
      ['DELIVERED', '787'],
    ]);
    const [tracking] = await app.ds.query(`SELECT tracking_number FROM shipment WHERE order_id = $1`, [id]);
    expect(tracking.tracking_number).toMatch(/^1Z/);

    const res = await app.gql(
      `query($id: ID!) { order(id: $id) { buyerDataRedactedAt buyerDataRetentionDays shipTo { name line1 phone city stateOrRegion postalCode countryCode } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.order).toEqual({
      buyerDataRedactedAt: new Date(order.buyer_data_redacted_at).toISOString(),
      buyerDataRetentionDays: 30,
      shipTo: {
        name: null,
        line1: null,
        phone: null,
        city: 'Austin',
        stateOrRegion: 'TX',
        postalCode: '787',
        countryCode: 'US',
      },
    });
    const walmart = await app.gql(`query($id: ID!) { order(id: $id) { buyerDataRedactedAt shipTo { name } } }`, {
      id: orderIds.get('walmart29'),
    });
    expect(walmart.data!.order).toEqual({ buyerDataRedactedAt: null, shipTo: { name: BUYERS.walmart29.name } });
  });

  it('audits the run with counts only', async () => {
    const rows: { actor: string; after: Record<string, unknown> }[] = await app.ds.query(
      `SELECT actor, after FROM audit_event WHERE action = 'buyer_data.purged'`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.reduce((n, r) => n + (r.after.orders as number), 0)).toBe(4);
    expect(rows[0].actor).toBe('system:buyer-data-retention');
  });

  it('is idempotent: a second run finds nothing and changes nothing', async () => {
    const before: unknown[] = await app.ds.query(`SELECT id, version, ship_to, raw_payload FROM "order" ORDER BY id`);
    const again = await app.running.app.get(BuyerDataPurgeService).purgeDue(new Date());
    expect(again).toEqual({ orders: 0, copies: 0, quarantinePayloads: 0 });
    expect(await app.ds.query(`SELECT id, version, ship_to, raw_payload FROM "order" ORDER BY id`)).toEqual(before);
  });

  it('purges a redacted order again when a later import brings the buyer back', async () => {
    const b = BUYERS.amazon31;
    // What an import of the channel's copy writes: the ship-to and its name column.
    await app.ds.query(
      `UPDATE "order" SET ship_to = jsonb_set(jsonb_set(ship_to, '{name}', to_jsonb($2::text)), '{line1}', to_jsonb($3::text)),
              ship_to_name = $2 WHERE id = $1`,
      [orderIds.get('amazon31'), b.name, b.street],
    );
    expect(await whereFound(b.street)).toEqual(['order.ship_to']);
    const run = await app.running.app.get(BuyerDataPurgeService).purgeDue(new Date());
    expect(run.orders).toBe(1);
    expect(await whereFound(b.name)).toEqual([]);
    expect(await whereFound(b.street)).toEqual([]);
  });

  it('purges the 29-day orders once their 30 days are up', async () => {
    const later = new Date(Date.now() + 2 * DAY);
    const run = await app.running.app.get(BuyerDataPurgeService).purgeDue(later);
    expect(run.orders).toBe(2);
    for (const key of ['amazon29', 'walmart29'] as const) expect(await whereFound(BUYERS[key].street)).toEqual([]);
    expect(await whereFound(BUYERS.undelivered45.street)).not.toEqual([]);
  });
});
