import type { NormalizedOrder } from '@order-hub/types';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const HOUR = 3_600_000;

const LIST = `query($filter: OrderFilter, $first: Int, $after: String) {
  orders(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { channelOrderId } }
  }
}`;

describe.each(testDatabases())('inbox view "shipped, no scan yet" on %s', (kind) => {
  let app: TestApp;
  let walmart: ChannelAccountEntity;
  let amazon: ChannelAccountEntity;

  /** A shipped order; `tracker`: the state the tracking provider follows it in, and whether the carrier scanned it. */
  async function shipped(
    po: string,
    tracker: { state: string; scanned: boolean } | null,
    patch: Partial<NormalizedOrder> = {},
  ) {
    const account = po.startsWith('A-') ? amazon : walmart;
    const shippedAt = new Date(Date.now() - 30 * HOUR);
    const [orderId] = await insertOrders(app, account, [
      anOrder({
        channelOrderId: po,
        status: 'SHIPPED',
        shipments: [
          {
            carrier: 'UPS',
            service: null,
            trackingNumber: validTrackingNumber('UPS'),
            trackingUrl: null,
            shippedAt,
            packageType: 'PARCEL',
            weightOz: null,
            lengthIn: null,
            widthIn: null,
            heightIn: null,
            lines: [{ lineNumber: '1', quantity: 1 }],
          },
        ],
        ...patch,
      }),
    ]);
    if (!tracker) return;
    // The tracker row as the tracking module writes it; its own tests cover how it gets there.
    await app.ds.query(
      `INSERT INTO shipment_tracker (shipment_id, order_id, provider, provider_tracker_id, tracking_code, carrier, state, first_scan_at)
       SELECT s.id, s.order_id, 'EASYPOST', 'trk_' || replace(s.id::text, '-', ''), s.tracking_number, 'UPS', $2, $3
         FROM shipment s WHERE s.order_id = $1`,
      [orderId, tracker.state, tracker.scanned ? new Date(shippedAt.getTime() + 6 * HOUR) : null],
    );
  }
  beforeAll(async () => {
    app = await startTestApp(kind);
    walmart = await anAccount(app, 'WALMART');
    amazon = await anAccount(app, 'AMAZON');
    await shipped('W-FOLLOWED-NO-SCAN', { state: 'TRACKING', scanned: false });
    await shipped('W-PENDING-NO-SCAN', { state: 'PENDING', scanned: false });
    await shipped('A-FOLLOWED-NO-SCAN', { state: 'TRACKING', scanned: false });
    await shipped('W-SCANNED', { state: 'TRACKING', scanned: true });
    await shipped('W-DELIVERED', { state: 'DONE', scanned: true });
    await shipped('W-UNTRACKABLE', { state: 'UNTRACKABLE', scanned: false });
    await shipped('W-NOT-FOLLOWED', null);
    await insertOrders(app, walmart, [anOrder({ channelOrderId: 'W-OPEN' })]);
  });
  afterAll(() => app?.close());

  it('lists the shipped orders with a followed shipment the carrier has not scanned, newest first', async () => {
    const res = await app.gql(LIST, { filter: { view: 'SHIPPED_NO_SCAN' }, first: 50 });
    expect(res.errors).toBeUndefined();
    const page = res.data!.orders;
    expect(page.edges.map((e: { node: { channelOrderId: string } }) => e.node.channelOrderId)).toEqual([
      'A-FOLLOWED-NO-SCAN',
      'W-PENDING-NO-SCAN',
      'W-FOLLOWED-NO-SCAN',
    ]);
    expect(page.totalCount).toBe(3);
  });

  it('pages through the view and narrows with the other filters', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res = await app.gql(LIST, { filter: { view: 'SHIPPED_NO_SCAN' }, first: 2, after });
      const page: {
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { channelOrderId: string } }[];
      } = res.data!.orders;
      seen.push(...page.edges.map((e) => e.node.channelOrderId));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen.sort()).toEqual(['A-FOLLOWED-NO-SCAN', 'W-FOLLOWED-NO-SCAN', 'W-PENDING-NO-SCAN']);

    const walmartOnly = await app.gql(LIST, { filter: { view: 'SHIPPED_NO_SCAN', channel: 'WALMART' }, first: 50 });
    expect(walmartOnly.data!.orders.totalCount).toBe(2);
  });

  it('counts the view with the others, and the count follows the first scan', async () => {
    const count = async () =>
      (await app.gql(`{ orderViewCounts { view count } }`)).data!.orderViewCounts.find(
        (c: { view: string }) => c.view === 'SHIPPED_NO_SCAN',
      ).count;
    expect(await count()).toBe(3);
    await app.ds.query(
      `UPDATE shipment_tracker SET first_scan_at = now() WHERE order_id = (SELECT id FROM "order" WHERE channel_order_id = 'W-PENDING-NO-SCAN')`,
    );
    expect(await count()).toBe(2);
  });
});
