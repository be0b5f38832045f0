import type { OrderLineStatus } from '@order-hub/types';
import { OrderImportService } from '../src/modules/orders/order-import.service';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const EVIDENCE = `query($orderId: ID!) {
  orderEvidence(orderId: $orderId) {
    order { acknowledgedAt shipTo { name line1 city stateOrRegion postalCode } lines { sku title quantityOrdered quantityShipped quantityCancelled quantityRefunded } }
  }
}`;
const ORDER = `query($id: ID!) { order(id: $id) { acknowledgedAt status } }`;
const SHIP = `mutation($input: ShipmentInput!) { confirmShipment(input: $input) { shipment { id } } }`;

const line = (lineNumber: string, sku: string, quantityOrdered: number) => ({
  lineNumber,
  sku,
  title: `Item ${sku}`,
  quantityOrdered,
  quantityShipped: 0,
  quantityCancelled: 0,
  quantityRefunded: 0,
  unitPriceCents: 500,
  status: 'CREATED' as OrderLineStatus,
  cancellationRequested: false,
});

/**
 * The evidence page and the order page read one acknowledgement time, the one the hub recorded when it acknowledged
 * the order; shipping and later copies of the order from the channel leave it alone.
 */
describe.each(testDatabases())('Evidence ship-to and lines; one acknowledgement time on %s', (kind) => {
  let app: TestApp;
  let account: Awaited<ReturnType<typeof anAccount>>;

  beforeAll(async () => {
    app = await startTestApp(kind);
    account = await anAccount(app, 'WALMART');
  });
  afterAll(() => app?.close());

  const times = async (id: string) => {
    const order = await app.gql(ORDER, { id });
    const evidence = await app.gql(EVIDENCE, { orderId: id });
    expect(order.errors).toBeUndefined();
    expect(evidence.errors).toBeUndefined();
    return { order: order.data!.order.acknowledgedAt, evidence: evidence.data!.orderEvidence.order.acknowledgedAt };
  };

  it('the evidence record carries the ship-to and each line with ordered, shipped, cancelled and refunded units', async () => {
    const [id] = await insertOrders(app, account, [
      anOrder({ lines: [{ ...line('1', 'MUG-1', 3), quantityShipped: 2, quantityCancelled: 1, status: 'SHIPPED' }] }),
    ]);
    const res = await app.gql(EVIDENCE, { orderId: id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.orderEvidence.order).toMatchObject({
      shipTo: { name: 'Test Buyer', line1: '1 Test St', city: 'Austin', stateOrRegion: 'TX', postalCode: '78704' },
      lines: [
        {
          sku: 'MUG-1',
          title: 'Item MUG-1',
          quantityOrdered: 3,
          quantityShipped: 2,
          quantityCancelled: 1,
          quantityRefunded: 0,
        },
      ],
    });
  });

  it.each([
    ['acknowledged, then shipped', true],
    ['shipped unacknowledged (the ship acknowledges it)', false],
  ])(
    '%s: both pages keep the time the hub recorded after shipping and a later import of the channel copy',
    async (_name, acknowledgeFirst) => {
      const created = anOrder({ status: 'CREATED', acknowledgedAt: null, lines: [line('1', 'CUP-1', 1)] });
      const [id] = await insertOrders(app, account, [created]);
      expect(await times(id)).toEqual({ order: null, evidence: null });

      let recorded: string | null = null;
      if (acknowledgeFirst) {
        const acked = await app.gql(`mutation($ids: [ID!]!) { acknowledgeOrders(ids: $ids) { outcome } }`, {
          ids: [id],
        });
        expect(acked.data!.acknowledgeOrders[0].outcome).toBe('QUEUED');
        recorded = (await times(id)).order;
        expect(recorded).not.toBeNull();
        // Two minutes pass before the package leaves.
        await app.ds.query(
          `UPDATE "order" SET acknowledged_at = acknowledged_at - interval '2 minutes' WHERE id = $1`,
          [id],
        );
        recorded = new Date(new Date(recorded!).getTime() - 120_000).toISOString();
      }
      const shipped = await app.gql(SHIP, {
        input: {
          orderId: id,
          carrier: 'UPS',
          trackingNumber: validTrackingNumber('UPS'),
          shippedAt: new Date().toISOString(),
          lines: [{ lineNumber: '1', quantity: 1 }],
        },
      });
      expect(shipped.errors).toBeUndefined();
      const afterShip = await times(id);
      recorded ??= afterShip.order;
      expect(recorded).not.toBeNull();
      expect(afterShip).toEqual({ order: recorded, evidence: recorded });

      // The channel's copy comes back later with its own idea of when the order was acknowledged.
      await app.running.app.get(OrderImportService).upsert(
        account,
        [
          {
            ...created,
            status: 'SHIPPED',
            acknowledgedAt: new Date(Date.now() + 60_000),
            channelUpdatedAt: new Date(Date.now() + 60_000),
            lines: [{ ...line('1', 'CUP-1', 1), quantityShipped: 1, status: 'SHIPPED' }],
          },
        ],
        'test',
      );
      expect(await times(id)).toEqual({ order: recorded, evidence: recorded });
    },
  );
});
