/**
 * A year of orders written in SQL (generate_series), as a busy seller's database looks after twelve months: the newest
 * order first, ~2,700 a day over four accounts (Walmart and Amazon, Los Angeles and New York time), ~1% still open
 * (everything of the last 36 hours, half of the 36 hours before, a few stragglers weeks late), 2% cancelled, 5%
 * channel-fulfilled, 3% MCF; ~1.3 lines per order from 3,000 SKUs; a shipment with a tracking number for every shipped
 * line set, followed by the tracking provider (no scan yet for 1 in 20 of the last fortnight's); some refusals in the
 * outbox. Buyer names from 30 first names and 13,824 three-syllable surnames; 50 states.
 */
import type { DataSource } from 'typeorm';

const FIRST = [
  'Ada',
  'Alan',
  'Grace',
  'Linus',
  'Maria',
  'Omar',
  'Priya',
  'Chen',
  'Sofia',
  'Liam',
  'Noah',
  'Emma',
  'Olivia',
  'Lucas',
  'Mia',
  'Ethan',
  'Ava',
  'Mateo',
  'Zoe',
  'Hana',
  'Ivan',
  'Lena',
  'Kofi',
  'Amara',
  'Diego',
  'Yuki',
  'Nadia',
  'Tomas',
  'Elif',
  'Ravi',
];
const SYLLABLES = [
  'bal',
  'do',
  'mar',
  'quin',
  'te',
  'ro',
  'vel',
  'san',
  'ko',
  'lin',
  'ber',
  'ga',
  'tor',
  'mi',
  'nes',
  'hal',
  'stra',
  'pe',
  'lu',
  'zan',
  'rick',
  'fo',
  'wen',
  'dal',
];
const STATES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
];
const PRODUCTS = ['MUG', 'TEE', 'CAP', 'BAG', 'BOTTLE', 'LAMP', 'SOCK', 'PEN', 'BOOK', 'TOWEL', 'CANDLE', 'PLANT'];
const COLOURS = ['RED', 'BLUE', 'TEAL', 'BLACK', 'WHITE', 'GREEN', 'SAND', 'PINK', 'GREY', 'NAVY'];
const WALMART_METHODS = ['Standard', 'Standard', 'Standard', 'Value', 'Express', 'OneDay'];
const AMAZON_METHODS = ['STANDARD', 'STANDARD', 'FREE_ECONOMY', 'EXPEDITED', 'SECOND_DAY', 'NEXT_DAY'];

export interface BenchAccount {
  id: string;
  channel: 'WALMART' | 'AMAZON';
}

const CHUNK = 100_000;

/** Writes `total` orders over the accounts; `onProgress` after each chunk. The caller runs ANALYZE. */
export async function seedYearOfOrders(
  ds: DataSource,
  accounts: BenchAccount[],
  total: number,
  now: Date,
  onProgress: (done: number) => void = () => {},
): Promise<void> {
  const params = {
    accounts: accounts.map((a) => a.id),
    channels: accounts.map((a) => a.channel),
  };
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    await ds.query(
      `INSERT INTO "order" (account_id, channel, channel_order_id, customer_order_id, ordered_at, status, ship_by, deliver_by,
                            acknowledge_by, acknowledged_at, auto_cancel_at, ship_method, fulfillment_method, ship_to, ship_to_name,
                            total_cents, currency, raw_payload, version, channel_updated_at, cancellation_requested)
       SELECT a.id, a.channel,
              CASE WHEN a.channel = 'WALMART' THEN (1000000000000 + i::bigint * 7919)::text
                   ELSE '11' || (i % 4 + 1) || '-' || lpad((i * 37 % 9999991)::text, 7, '0') || '-' || lpad(i::text, 7, '0') END,
              CASE WHEN a.channel = 'WALMART' THEN (200000000000000 + i::bigint * 104729)::text END,
              t.ordered_at, s.status, t.ordered_at + (1 + i % 3) * interval '1 day', t.ordered_at + (4 + i % 3) * interval '1 day',
              CASE WHEN a.channel = 'WALMART' THEN t.ordered_at + interval '4 hours' END,
              CASE WHEN s.status <> 'CREATED' THEN t.ordered_at + interval '20 minutes' END,
              t.ordered_at + (4 + i % 3) * interval '1 day',
              CASE WHEN a.channel = 'WALMART' THEN ($3::text[])[1 + i % 6] ELSE ($4::text[])[1 + i % 6] END,
              CASE WHEN i % 20 = 7 THEN 'CHANNEL' WHEN i % 33 = 5 THEN 'MCF' ELSE 'MERCHANT' END,
              jsonb_build_object('name', n.name, 'line1', (i % 9000 + 1) || ' Main St', 'city', 'Springfield',
                                 'stateOrRegion', ($5::text[])[1 + i * 13 % 50], 'postalCode', lpad((i % 99999)::text, 5, '0'), 'countryCode', 'US'),
              n.name, 999 + i * 7 % 20000, 'USD', '{}', 1, t.ordered_at, i % 400 = 3
         FROM generate_series($6::int, $7::int) i
        CROSS JOIN LATERAL (SELECT $8::timestamptz - (i - 1) * (interval '365 days' / $9::int) - (i % 60) * interval '1 second' AS ordered_at) t
        CROSS JOIN LATERAL (SELECT ($1::uuid[])[1 + i % ${accounts.length}] AS id, ($2::text[])[1 + i % ${accounts.length}] AS channel) a
        CROSS JOIN LATERAL (SELECT ($10::text[])[1 + i % 30] || ' ' || initcap(($11::text[])[1 + i / 7 % 24] || ($11::text[])[1 + i / 168 % 24] || ($11::text[])[1 + i / 11 % 24]) AS name) n
        CROSS JOIN LATERAL (SELECT CASE
               WHEN i % 50 = 0 THEN 'CANCELLED'
               WHEN $8::timestamptz - t.ordered_at < interval '6 hours' THEN 'CREATED'
               WHEN $8::timestamptz - t.ordered_at < interval '36 hours' THEN CASE WHEN i % 10 = 1 THEN 'PARTIALLY_SHIPPED' ELSE 'ACKNOWLEDGED' END
               WHEN $8::timestamptz - t.ordered_at < interval '72 hours' AND i % 2 = 0 THEN 'ACKNOWLEDGED'
               WHEN $8::timestamptz - t.ordered_at < interval '30 days' AND i % 700 = 0 THEN 'ACKNOWLEDGED'
               WHEN $8::timestamptz - t.ordered_at < interval '7 days' OR i % 5 = 0 THEN 'SHIPPED'
               ELSE 'DELIVERED' END AS status) s`,
      [
        params.accounts,
        params.channels,
        WALMART_METHODS,
        AMAZON_METHODS,
        STATES,
        from,
        to,
        now,
        total,
        FIRST,
        SYLLABLES,
      ],
    );
    onProgress(to);
  }
  // Lines: one per order, a second for 3 in 10; quantities follow the order's status.
  await ds.query(
    `INSERT INTO order_line (order_id, line_number, sku, title, quantity_ordered, quantity_shipped, quantity_cancelled,
                             unit_price_cents, currency, status)
     SELECT o.id, n.line_number::text,
            ($1::text[])[1 + h.h % 12] || '-' || ($2::text[])[1 + h.h / 12 % 10] || '-' || (1 + h.h / 120 % 25),
            'Bench item', 1,
            CASE WHEN o.status IN ('SHIPPED', 'DELIVERED') OR (o.status = 'PARTIALLY_SHIPPED' AND n.line_number = 1) THEN 1 ELSE 0 END,
            CASE WHEN o.status = 'CANCELLED' THEN 1 ELSE 0 END, o.total_cents, 'USD',
            CASE WHEN o.status = 'CANCELLED' THEN 'CANCELLED' WHEN o.status = 'DELIVERED' THEN 'DELIVERED'
                 WHEN o.status = 'SHIPPED' OR (o.status = 'PARTIALLY_SHIPPED' AND n.line_number = 1) THEN 'SHIPPED'
                 WHEN o.status = 'CREATED' THEN 'CREATED' ELSE 'ACKNOWLEDGED' END
       FROM "order" o
      CROSS JOIN LATERAL (SELECT hashtext(o.id::text) & 2147483647 AS h) h
      CROSS JOIN LATERAL generate_series(1, CASE WHEN h.h % 10 < 3 THEN 2 ELSE 1 END) AS n(line_number)`,
    [PRODUCTS, COLOURS],
  );
  // One shipment per order with something shipped; UPS 1Z numbers and USPS 94 numbers.
  await ds.query(
    `INSERT INTO shipment (order_id, carrier, service, tracking_number, shipped_at, package_type, source)
     SELECT o.id, CASE WHEN h % 3 = 0 THEN 'USPS' ELSE 'UPS' END, 'Ground',
            CASE WHEN h % 3 = 0 THEN '9400' || lpad(h::text, 18, '0') ELSE '1Z' || upper(substr(md5(o.id::text), 1, 16)) END,
            o.ordered_at + interval '18 hours', 'PARCEL', 'HUB'
       FROM (SELECT id, ordered_at, hashtext(id::text) & 2147483647 AS h FROM "order"
              WHERE status IN ('SHIPPED', 'DELIVERED', 'PARTIALLY_SHIPPED') AND fulfillment_method <> 'CHANNEL') o`,
  );
  // The tracking provider follows each; the last fortnight's still in transit, 1 in 20 of them not scanned yet.
  await ds.query(
    `INSERT INTO shipment_tracker (shipment_id, order_id, provider, provider_tracker_id, tracking_code, carrier, state, first_scan_at)
     SELECT s.id, s.order_id, 'EASYPOST', 'trk_' || replace(s.id::text, '-', ''), s.tracking_number, s.carrier,
            CASE WHEN s.shipped_at > $1::timestamptz - interval '14 days' THEN 'TRACKING' ELSE 'DONE' END,
            CASE WHEN s.shipped_at > $1::timestamptz - interval '14 days' AND (hashtext(s.id::text) & 2147483647) % 20 = 0 THEN NULL
                 ELSE s.shipped_at + interval '6 hours' END
       FROM shipment s`,
    [now],
  );
  // Refusals standing on 1 in 2,000 of the last month's orders.
  await ds.query(
    `INSERT INTO outbox (account_id, order_id, operation, payload, idempotency_key, status, next_attempt_at, created_by, refused_at)
     SELECT o.account_id, o.id, 'SHIP', '{}', 'bench-refused-' || o.id, 'FAILED', o.ordered_at, 'bench', o.ordered_at + interval '1 day'
       FROM "order" o WHERE o.ordered_at > $1::timestamptz - interval '30 days' AND (hashtext(o.id::text) & 2147483647) % 2000 = 0`,
    [now],
  );
}
