import { officialExamples } from '@order-hub/contracts';
import type { NormalizedOrder } from '@order-hub/types';
import { AcknowledgeService } from '../src/modules/actions/acknowledge.service';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { mapWalmartOrder } from '../src/modules/channels/walmart/walmart-order.mapper';
import type { WalmartOrder } from '../src/modules/channels/walmart/walmart-order.types';
import { NormalizedLineMoney1795600400000 } from '../src/database/migrations/1795600400000-NormalizedLineMoney';
import { OrderImportService } from '../src/modules/orders/order-import.service';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const sample = (name: string): WalmartOrder =>
  structuredClone(
    officialExamples({ api: 'walmart', model: 'orders' }).find((e) => e.name === `samples/${name}`)!.body as {
      order: WalmartOrder;
    },
  ).order;
const later = (o: NormalizedOrder, ms: number): NormalizedOrder => ({
  ...o,
  channelUpdatedAt: new Date(o.channelUpdatedAt.getTime() + ms),
});

describe.each(testDatabases())('what the channels say about an order, stored by the import on %s', (kind) => {
  let app: TestApp;
  let walmart: ChannelAccountEntity;

  beforeAll(async () => {
    app = await startTestApp(kind, { SYNC_ENABLED: 'false' });
    walmart = await anAccount(app, 'WALMART');
  });
  afterAll(() => app?.close());

  const stored = async (id: string) =>
    (await app.ds.query(`SELECT acknowledged_at, status FROM "order" WHERE id = $1`, [id]))[0] as {
      acknowledged_at: Date | null;
      status: string;
    };

  it('acknowledgedAt the hub recorded is never overwritten by a later copy from Walmart, which carries none', async () => {
    const created = anOrder({
      status: 'CREATED',
      acknowledgedAt: null,
      lines: [{ ...anOrder().lines[0], status: 'CREATED' }],
    });
    const [id] = await insertOrders(app, walmart, [created]);
    expect((await stored(id)).acknowledged_at).toBeNull();
    expect(await app.running.app.get(AcknowledgeService).acknowledge([id], 'test')).toEqual([
      { orderId: id, outcome: 'QUEUED', message: null },
    ]);
    const hubTime = (await stored(id)).acknowledged_at!;
    expect(hubTime).toBeInstanceOf(Date);

    const upsert = app.running.app.get(OrderImportService);
    const acknowledged = {
      ...created,
      status: 'ACKNOWLEDGED' as const,
      lines: [{ ...created.lines[0], status: 'ACKNOWLEDGED' as const }],
    };
    expect(await upsert.upsert(walmart, [later(acknowledged, 60_000)], 'test')).toMatchObject({ updated: 1 });
    expect(await stored(id)).toEqual({ acknowledged_at: hubTime, status: 'ACKNOWLEDGED' });
    // Even a copy that names a time of its own leaves the hub's.
    await upsert.upsert(walmart, [{ ...later(acknowledged, 120_000), acknowledgedAt: new Date(0) }], 'test');
    expect((await stored(id)).acknowledged_at).toEqual(hubTime);
  });

  it('Walmart orderType REPLACEMENT, originalCustomerOrderID, the 3PL ship node and the line reasons, stored and served over GraphQL', async () => {
    const refund = sample('refund_response_200.json');
    const po: WalmartOrder = {
      ...sample('get_order_response_200_ORDER.json'),
      orderType: 'REPLACEMENT',
      originalCustomerOrderID: '4372135469399',
      shipNode: { type: '3PLFulfilled', name: 'Acme 3PL' },
    };
    const line = po.orderLines.orderLine[0];
    po.orderLines.orderLine = [
      { ...line, refund: refund.orderLines.orderLine[0].refund },
      {
        ...line,
        lineNumber: '2',
        orderLineStatuses: {
          orderLineStatus: [
            {
              status: 'Cancelled',
              statusQuantity: { unitOfMeasurement: 'EACH', amount: '1' },
              cancellationReason: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
            },
          ],
        },
      },
    ];
    const order = mapWalmartOrder(po);
    const [id] = await insertOrders(app, walmart, [order]);
    const query = `query($id: ID!) { order(id: $id) { orderType originalCustomerOrderId shipNodeType fulfillmentMethod merchandise { amountCents currency } lines { lineNumber cancellationReason refundReason } } }`;
    const res = await app.gql(query, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.order).toEqual({
      orderType: 'REPLACEMENT',
      originalCustomerOrderId: '4372135469399',
      shipNodeType: '3PLFulfilled',
      fulfillmentMethod: 'MERCHANT',
      merchandise: { amountCents: order.merchandiseCents, currency: 'USD' },
      lines: [
        { lineNumber: '1', cancellationReason: null, refundReason: 'BillingError' },
        { lineNumber: '2', cancellationReason: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL', refundReason: null },
      ],
    });

    // A later copy with another reason replaces it, and the change is audited.
    const changed = mapWalmartOrder({
      ...po,
      orderLines: {
        orderLine: [
          {
            ...po.orderLines.orderLine[0],
            refund: {
              refundCharges: {
                refundCharge: [
                  {
                    ...refund.orderLines.orderLine[0].refund!.refundCharges!.refundCharge[0],
                    refundReason: 'DamagedItem',
                  },
                ],
              },
            },
          },
          po.orderLines.orderLine[1],
        ],
      },
    });
    await app.running.app.get(OrderImportService).upsert(walmart, [later(changed, 60_000)], 'test');
    expect((await app.gql(query, { id })).data!.order.lines[0].refundReason).toBe('DamagedItem');
    const [audit] = await app.ds.query(
      `SELECT after FROM audit_event WHERE order_id = $1 AND action = 'order.updated'`,
      [id],
    );
    expect(audit.after.lines).toEqual([{ lineNumber: '1', refundReason: { from: 'BillingError', to: 'DamagedItem' } }]);
  });

  it("stores each line's money and the channel's package references; a later copy's money follows without a line audit", async () => {
    const po: WalmartOrder = { ...sample('get_order_response_200_ORDER.json'), purchaseOrderId: 'PO-LINE-MONEY' };
    const [id] = await insertOrders(app, walmart, [mapWalmartOrder(po)]);
    const money = () =>
      app.ds.query(
        `SELECT line_number, charge_cents, refunded_cents, product_refunded_cents FROM order_line WHERE order_id = $1`,
        [id],
      );
    expect(await money()).toEqual([
      { line_number: '1', charge_cents: 534, refunded_cents: 0, product_refunded_cents: 0 },
    ]);

    // A one-dollar refund with no reason changes neither the refunded units nor the line's reasons: only its money.
    const refunded = mapWalmartOrder({
      ...po,
      orderLines: {
        orderLine: [
          {
            ...po.orderLines.orderLine[0],
            refund: {
              refundCharges: {
                refundCharge: [{ charge: { chargeType: 'PRODUCT', chargeAmount: { currency: 'USD', amount: -1 } } }],
              },
            },
          },
        ],
      },
    });
    await app.running.app.get(OrderImportService).upsert(walmart, [later(refunded, 60_000)], 'test');
    expect(await money()).toEqual([
      { line_number: '1', charge_cents: 534, refunded_cents: 100, product_refunded_cents: 100 },
    ]);
    const [audit] = await app.ds.query(
      `SELECT after FROM audit_event WHERE order_id = $1 AND action = 'order.updated'`,
      [id],
    );
    expect(audit.after.lines).toEqual([]);

    const [packaged] = await insertOrders(app, walmart, [anOrder({ channelPackageReferenceIds: ['1', '7'] })]);
    const [row] = await app.ds.query(`SELECT channel_package_reference_ids AS refs FROM "order" WHERE id = $1`, [
      packaged,
    ]);
    expect(row.refs).toEqual(['1', '7']);
  });

  it('the line-money migration back-fills orders stored before it from their stored payloads, through the channel mapper', async () => {
    const po: WalmartOrder = { ...sample('get_order_response_200_ORDER.json'), purchaseOrderId: 'PO-BACKFILL' };
    po.orderLines.orderLine[0] = {
      ...po.orderLines.orderLine[0],
      refund: {
        refundCharges: {
          refundCharge: [{ charge: { chargeType: 'PRODUCT', chargeAmount: { currency: 'USD', amount: -2 } } }],
        },
      },
    };
    const [id] = await insertOrders(app, walmart, [mapWalmartOrder(po)]);
    const money = () =>
      app.ds.query(
        `SELECT line_number, charge_cents, refunded_cents, product_refunded_cents FROM order_line WHERE order_id = $1`,
        [id],
      );
    const imported = await money();
    expect(imported).toEqual([
      { line_number: '1', charge_cents: 534, refunded_cents: 200, product_refunded_cents: 200 },
    ]);

    const migration = new NormalizedLineMoney1795600400000();
    const runner = app.ds.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await money()).toEqual(imported);
  });
});
