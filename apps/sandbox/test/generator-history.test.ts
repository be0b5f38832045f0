import type { Sandbox } from '../src';
import { generateAmazonOrders } from '../src/generator/amazon';
import { breakCheckDigit } from '../src/generator/history';
import { type GenerateOptions, type SellerHistory, validateGenerateOptions } from '../src/generator/options';
import { trackingFor } from '../src/generator/tracking';
import { generateWalmartOrders } from '../src/generator/walmart';
import { Random } from '../src/random';
import { Store } from '../src/state/store';
import type { AccountData, AmazonOrder, WalmartOrder } from '../src/state/types';
import { T0, amazonSeller, startSandbox, walmartSeller } from './helpers/sandbox';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const NOW = T0.getTime();
const HISTORY: SellerHistory = {
  late: 0.1,
  invalidTracking: 0.08,
  cancelled: 0.05,
  delivered: 0.9,
  lateDelivery: 0.15,
};
const OPTIONS: GenerateOptions = {
  count: 2000,
  seed: 11,
  placedWithinHours: 720,
  history: HISTORY,
  mix: { intentToCancel: 0.03, channelFulfilled: 0.08 },
};

/** Check digits computed independently of the generator (shared/docs/reference/tracking-formats.md). */
function checkDigitValid(n: string): boolean {
  if (/^1Z[0-9A-Z]{16}$/.test(n)) {
    let sum = 0;
    [...n.slice(2, 17)].forEach((ch, i) => {
      const v = /\d/.test(ch) ? Number(ch) : (ch.charCodeAt(0) - 3) % 10;
      sum += i % 2 === 0 ? v : 2 * v;
    });
    return (10 - (sum % 10)) % 10 === Number(n[17]);
  }
  if (/^\d{12}$/.test(n)) {
    const w = [3, 1, 7];
    const sum = [...n.slice(0, 11)].reduce((s, d, i) => s + Number(d) * w[i % 3], 0);
    return (sum % 11) % 10 === Number(n[11]);
  }
  if (/^94\d{20}$/.test(n)) {
    const sum = [...n.slice(0, -1)].reverse().reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
    return (10 - (sum % 10)) % 10 === Number(n[n.length - 1]);
  }
  throw new Error(`unexpected tracking layout ${n}`);
}

function account(channel: 'WALMART' | 'AMAZON'): AccountData {
  const store = new Store();
  const created = store.createAccount(channel, undefined, NOW - 40 * DAY);
  return store.require(created.id);
}

interface Fact {
  placedAt: number;
  shipBy: number;
  deliverBy: number;
  cancelled: boolean;
  shipAt?: number;
  trackingNumber?: string;
  deliveredAt?: number;
  last: number;
  /** A return of the order was refunded after delivery, which moves the order's last change on. */
  refundedLater?: boolean;
}

function walmartFacts(orders: WalmartOrder[]): Fact[] {
  return orders
    .filter(
      (o) =>
        o.shipNodeType === 'SellerFulfilled' && !o.lines.some((l) => l.intentToCancel) && o.estimatedShipDate <= NOW,
    )
    .map((o) => {
      const buckets = o.lines.flatMap((l) => l.buckets);
      const shipped = buckets.find((b) => b.status === 'Shipped' || b.status === 'Delivered');
      const delivered = buckets.find((b) => b.status === 'Delivered');
      return {
        placedAt: o.orderDate,
        shipBy: o.estimatedShipDate,
        deliverBy: o.estimatedDeliveryDate,
        cancelled: buckets.every((b) => b.status === 'Cancelled'),
        shipAt: shipped?.tracking?.shipDateTime,
        trackingNumber: shipped?.tracking?.trackingNumber,
        deliveredAt: delivered ? Math.max(...o.lines.map((l) => l.statusDate)) : undefined,
        last: o.lastModified,
        refundedLater: (o.returns ?? []).some((r) => r.lines.some((l) => l.refunds.length > 0)),
      };
    });
}

function amazonFacts(orders: AmazonOrder[]): Fact[] {
  return orders
    .filter(
      (o) => o.fulfilledBy === 'MERCHANT' && !o.items.some((i) => i.buyerRequestedCancel) && o.shipBy.latest <= NOW,
    )
    .map((o) => {
      const pkg = o.packages[0];
      return {
        placedAt: o.createdTime,
        shipBy: o.shipBy.latest,
        deliverBy: o.deliverBy.latest,
        cancelled: o.cancelled === true && o.items.every((i) => i.quantityCancelled === i.quantity),
        shipAt: pkg?.shipTime,
        trackingNumber: pkg?.trackingNumber,
        deliveredAt: pkg?.status === 'DELIVERED' ? o.lastUpdatedTime : undefined,
        last: o.lastUpdatedTime,
      };
    });
}

const share = (part: number, whole: number) => part / whole;

describe.each([
  ['Walmart', () => walmartFacts(generateWalmartOrders(account('WALMART'), new Random(11), NOW, OPTIONS))],
  ['Amazon', () => amazonFacts(generateAmazonOrders(account('AMAZON'), new Random(11), NOW, OPTIONS))],
])('%s seller history on 2,000 orders', (_channel, make) => {
  const facts = make();
  const shipped = facts.filter((f) => f.shipAt !== undefined);
  const delivered = shipped.filter((f) => f.deliveredAt !== undefined);

  it('cancels or ships every past-due order and respects the shares roughly', () => {
    expect(facts.length).toBeGreaterThan(1500);
    // Every past-due order is cancelled, shipped, or (shipping late, after now) still open.
    const open = facts.filter((f) => !f.cancelled && f.shipAt === undefined);
    expect(facts.every((f) => !(f.cancelled && f.shipAt !== undefined))).toBe(true);
    expect(open.length).toBeLessThan(facts.length * HISTORY.late * 0.2);
    expect(share(facts.filter((f) => f.cancelled).length, facts.length)).toBeCloseTo(HISTORY.cancelled, 1);
    expect(
      Math.abs(share(shipped.filter((f) => f.shipAt! > f.shipBy).length, shipped.length) - HISTORY.late),
    ).toBeLessThan(0.03);
    expect(
      Math.abs(
        share(shipped.filter((f) => !checkDigitValid(f.trackingNumber!)).length, shipped.length) -
          HISTORY.invalidTracking,
      ),
    ).toBeLessThan(0.03);
    const old = shipped.filter((f) => NOW - f.shipAt! > 2 * DAY);
    // Late deliveries that would land after now are still in transit, so the delivered share runs a little under.
    expect(Math.abs(share(delivered.length, old.length) - HISTORY.delivered)).toBeLessThan(0.06);
    expect(
      Math.abs(
        share(delivered.filter((f) => f.deliveredAt! > f.deliverBy).length, delivered.length) - HISTORY.lateDelivery,
      ),
    ).toBeLessThan(0.04);
  });

  it('never ships before the order, late only 2–30 hours after ship-by, and delivers after shipping', () => {
    for (const f of shipped) {
      expect(f.shipAt!).toBeGreaterThanOrEqual(f.placedAt);
      expect(f.shipAt!).toBeLessThanOrEqual(Math.min(NOW, f.shipBy + 30 * HOUR));
      if (f.shipAt! > f.shipBy) expect(f.shipAt! - f.shipBy).toBeGreaterThanOrEqual(2 * HOUR);
      if (f.deliveredAt !== undefined) {
        expect(f.deliveredAt).toBeGreaterThan(f.shipAt!);
        expect(f.deliveredAt).toBeLessThanOrEqual(NOW);
        if (f.deliveredAt > f.deliverBy) expect(f.deliveredAt - f.deliverBy).toBeLessThanOrEqual(3 * DAY);
      }
      if (f.refundedLater) expect(f.last).toBeGreaterThan(f.deliveredAt!);
      else expect(f.last).toBe(f.deliveredAt ?? f.shipAt);
    }
  });
});

describe('history building blocks', () => {
  it('breaks exactly the check digit of valid numbers', () => {
    const random = new Random(3);
    for (let i = 0; i < 200; i += 1) {
      for (const carrier of ['UPS', 'USPS', 'FedEx'] as const) {
        const valid = trackingFor(carrier, random);
        const broken = breakCheckDigit(valid);
        expect(checkDigitValid(valid)).toBe(true);
        expect(broken.slice(0, -1)).toBe(valid.slice(0, -1));
        expect(checkDigitValid(broken)).toBe(false);
      }
    }
  });

  it('validates history shares, naming the field', () => {
    expect(validateGenerateOptions({ count: 1, history: { ...HISTORY, late: 1.5 } })).toBe(
      'history.late must be a share between 0 and 1',
    );
    expect(validateGenerateOptions({ count: 1, history: { ...HISTORY, delivered: undefined } as never })).toBe(
      'history.delivered must be a share between 0 and 1',
    );
    expect(validateGenerateOptions({ count: 1, history: { ...HISTORY, shipped: 1 } as never })).toMatch(
      /^history.shipped is not a known history field/,
    );
    expect(validateGenerateOptions({ count: 1, history: HISTORY })).toBeNull();
  });

  it('is deterministic by seed, and leaves orders open without history', () => {
    const a = generateWalmartOrders(account('WALMART'), new Random(5), NOW, { ...OPTIONS, count: 200 });
    const b = generateWalmartOrders(account('WALMART'), new Random(5), NOW, { ...OPTIONS, count: 200 });
    expect(b).toEqual(a);
    const c = generateAmazonOrders(account('AMAZON'), new Random(5), NOW, { ...OPTIONS, count: 200 });
    const d = generateAmazonOrders(account('AMAZON'), new Random(5), NOW, { ...OPTIONS, count: 200 });
    expect(d).toEqual(c);
    const plain = generateAmazonOrders(account('AMAZON'), new Random(5), NOW, {
      ...OPTIONS,
      count: 200,
      history: undefined,
    });
    expect(
      plain.filter((o) => o.fulfilledBy === 'MERCHANT').every((o) => o.packages.length === 0 && !o.cancelled),
    ).toBe(true);
  });
});

describe('listing endpoints with a history stay valid against the official models', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
  });
  afterAll(() => sandbox.close());

  it('Walmart /v3/orders lists shipped, delivered and cancelled lines', async () => {
    const { client } = await walmartSeller(sandbox, 300, { placedWithinHours: 720, history: HISTORY });
    const statuses = new Set<string>();
    let path = `/v3/orders?limit=200&createdStartDate=${new Date(NOW - 31 * DAY).toISOString()}`;
    for (;;) {
      const res = await client.call('GET', path);
      expect(res.status).toBe(200);
      for (const o of res.body.list.elements.order)
        for (const l of o.orderLines.orderLine)
          for (const s of l.orderLineStatuses.orderLineStatus) statuses.add(s.status);
      if (!res.body.list.meta.nextCursor) break;
      path = `/v3/orders${res.body.list.meta.nextCursor}`;
    }
    expect([...statuses]).toEqual(expect.arrayContaining(['Created', 'Shipped', 'Delivered', 'Cancelled']));
  });

  it('Amazon searchOrders lists shipped and cancelled orders with packages', async () => {
    const { client } = await amazonSeller(sandbox, 300, { placedWithinHours: 720, history: HISTORY });
    const statuses = new Set<string>();
    const packageStatuses = new Set<string>();
    let path = `/orders/2026-01-01/orders?createdAfter=${new Date(NOW - 31 * DAY).toISOString()}&maxResultsPerPage=100&includedData=FULFILLMENT,PACKAGES,CANCELLATION`;
    for (;;) {
      const res = await client.call('GET', path);
      expect(res.status).toBe(200);
      for (const o of res.body.orders) {
        statuses.add(o.fulfillment.fulfillmentStatus);
        for (const p of o.packages ?? []) packageStatuses.add(p.packageStatus.status);
      }
      const token = res.body.pagination?.nextToken;
      if (!token) break;
      path = `/orders/2026-01-01/orders?paginationToken=${encodeURIComponent(token)}`;
    }
    expect([...statuses]).toEqual(expect.arrayContaining(['UNSHIPPED', 'SHIPPED', 'CANCELLED']));
    expect([...packageStatuses]).toEqual(expect.arrayContaining(['DELIVERED']));
  });
});
