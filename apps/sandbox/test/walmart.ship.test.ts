import type { Sandbox } from '../src';
import type { WalmartClient } from './helpers/clients';
import { SINGLE, lineStatuses, shipLine, shipment } from './helpers/fixtures';
import { T0, startSandbox, walmartSeller } from './helpers/sandbox';

const HOUR = 3600 * 1000;

describe('Walmart shipping rules', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.clock.set(T0);
  });

  async function acknowledgedOrder(
    mix: Record<string, number> = SINGLE.mix,
  ): Promise<{ client: WalmartClient; po: string; order: any }> {
    const { client, orderIds } = await walmartSeller(sandbox, 1, { mix });
    const ack = await client.call('POST', `/v3/orders/${orderIds[0]}/acknowledge`);
    expect(ack.status).toBe(200);
    return { client, po: orderIds[0], order: ack.body.order };
  }

  function errorOf(res: { status: number; body: any }) {
    expect(res.status).toBe(400);
    return res.body.errors.error[0];
  }

  it('requires acknowledgement before shipping', async () => {
    const { client, orderIds } = await walmartSeller(sandbox, 1, SINGLE);
    const err = errorOf(await client.call('POST', `/v3/orders/${orderIds[0]}/shipping`, shipment(shipLine('1', 1))));
    expect(err.code).toBe('INVALID_REQUEST_CONTENT.GMP_ORDER_API');
    expect(err.description).toMatch(/acknowledged before/);
  });

  it('ships part of a multi-quantity line and keeps the rest Acknowledged', async () => {
    const { client, po, order } = await acknowledgedOrder({ ...SINGLE.mix, multiQuantity: 1 });
    const qty = Number(order.orderLines.orderLine[0].orderLineQuantity.amount);
    const res = await client.call('POST', `/v3/orders/${po}/shipping`, shipment(shipLine('1', 1)));
    expect(res.status).toBe(200);
    expect(lineStatuses(res.body.order)).toEqual([
      { status: 'Acknowledged', amount: String(qty - 1) },
      { status: 'Shipped', amount: '1', tracking: '1Z999AA10123456784' },
    ]);
    const second = await client.call(
      'POST',
      `/v3/orders/${po}/shipping`,
      shipment(shipLine('1', qty - 1, { carrierName: { carrier: 'FedEx' }, trackingNumber: '612345678901' })),
    );
    expect(lineStatuses(second.body.order).map((s) => s.status)).toEqual(['Shipped', 'Shipped']);
  });

  it('rejects over-shipping and re-shipping a shipped line', async () => {
    const { client, po } = await acknowledgedOrder();
    expect(
      errorOf(await client.call('POST', `/v3/orders/${po}/shipping`, shipment(shipLine('1', 2)))).description,
    ).toMatch(/OverShipped/);
    expect((await client.call('POST', `/v3/orders/${po}/shipping`, shipment(shipLine('1', 1)))).status).toBe(200);
    expect(
      errorOf(await client.call('POST', `/v3/orders/${po}/shipping`, shipment(shipLine('1', 1)))).description,
    ).toMatch(/is in SHIPPED status/);
  });

  it('accepts only the 2026 carrier names, and otherCarrier only with a trackingURL', async () => {
    const { client, po } = await acknowledgedOrder();
    const amzl = errorOf(
      await client.call(
        'POST',
        `/v3/orders/${po}/shipping`,
        shipment(shipLine('1', 1, { carrierName: { carrier: 'Amazon Logistics' } })),
      ),
    );
    expect(amzl.field).toBe(
      'orderShipment.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].trackingInfo.carrierName.carrier',
    );
    const other = errorOf(
      await client.call(
        'POST',
        `/v3/orders/${po}/shipping`,
        shipment(shipLine('1', 1, { carrierName: { otherCarrier: 'Pony Express' } })),
      ),
    );
    expect(other.field).toMatch(/trackingURL$/);
    const method = errorOf(
      await client.call('POST', `/v3/orders/${po}/shipping`, shipment(shipLine('1', 1, { methodCode: 'Overnight' }))),
    );
    expect(method.field).toMatch(/methodCode$/);
    const ok = await client.call(
      'POST',
      `/v3/orders/${po}/shipping`,
      shipment(
        shipLine('1', 1, {
          carrierName: { otherCarrier: 'Pony Express' },
          trackingURL: 'https://ponyexpress.example/track/PX123456',
        }),
      ),
    );
    expect(ok.status).toBe(200);
  });

  it('insists on Walmart encodings: string quantities, epoch-millisecond ship dates', async () => {
    const { client, po } = await acknowledgedOrder();
    const numeric = shipLine('1', 1);
    (numeric.orderLineStatuses.orderLineStatus[0].statusQuantity as any).amount = 1;
    expect(errorOf(await client.call('POST', `/v3/orders/${po}/shipping`, shipment(numeric))).field).toMatch(
      /statusQuantity\.amount$/,
    );
    const isoDate = errorOf(
      await client.call(
        'POST',
        `/v3/orders/${po}/shipping`,
        shipment(shipLine('1', 1, { shipDateTime: T0.toISOString() })),
      ),
    );
    expect(isoDate.field).toMatch(/trackingInfo\.shipDateTime$/);
  });

  it('needs intentToCancelOverride to ship a line the customer asked to cancel', async () => {
    const { client, po, order } = await acknowledgedOrder({ ...SINGLE.mix, intentToCancel: 1 });
    expect(order.orderLines.orderLine[0].intentToCancel).toBe('Y');
    expect(errorOf(await client.call('POST', `/v3/orders/${po}/shipping`, shipment(shipLine('1', 1)))).field).toMatch(
      /intentToCancelOverride$/,
    );
    const res = await client.call(
      'POST',
      `/v3/orders/${po}/shipping`,
      shipment(shipLine('1', 1, {}, { intentToCancelOverride: true })),
    );
    expect(res.status).toBe(200);
  });

  it('allows PARTIAL_UPDATE tracking corrections only within 4 hours of shipment', async () => {
    const { client, po } = await acknowledgedOrder();
    await client.call('POST', `/v3/orders/${po}/shipping`, shipment(shipLine('1', 1)));
    sandbox.clock.advance(3 * HOUR);
    await client.authenticate();
    const fix = {
      orderShipment: {
        processMode: 'PARTIAL_UPDATE',
        orderLines: {
          orderLine: [
            shipLine(
              '1',
              1,
              { trackingNumber: '1Z999AA10123456791' },
              { currentTrackingInfo: { trackingNumber: '1Z999AA10123456784' } },
            ),
          ],
        },
      },
    };
    const ok = await client.call('POST', `/v3/orders/${po}/shipping`, fix);
    expect(ok.status).toBe(200);
    expect(lineStatuses(ok.body.order)[0].tracking).toBe('1Z999AA10123456791');
    sandbox.clock.advance(1 * HOUR + 1000);
    await client.authenticate();
    const late = {
      orderShipment: {
        processMode: 'PARTIAL_UPDATE',
        orderLines: { orderLine: [shipLine('1', 1, { trackingNumber: '1Z999AA10123456802' })] },
      },
    };
    expect(errorOf(await client.call('POST', `/v3/orders/${po}/shipping`, late)).description).toMatch(/within 4 hours/);
  });

  it('leaves the order untouched when any line of a request is invalid', async () => {
    const { client, po } = await acknowledgedOrder({ ...SINGLE.mix, multiLine: 1 });
    const res = await client.call('POST', `/v3/orders/${po}/shipping`, shipment(shipLine('1', 1), shipLine('99', 1)));
    expect(res.status).toBe(400);
    const after = await client.call('GET', `/v3/orders/${po}`);
    expect(lineStatuses(after.body.order).map((s) => s.status)).toEqual(['Acknowledged']);
  });

  it('keeps WFS orders read-only and out of the released list', async () => {
    const { client, orderIds } = await walmartSeller(sandbox, 1, { mix: { ...SINGLE.mix, channelFulfilled: 1 } });
    const po = orderIds[0];
    expect((await client.call('GET', '/v3/orders/released')).status).toBe(404);
    const wfs = await client.call('GET', '/v3/orders?shipNodeType=WFSFulfilled');
    expect(wfs.body.list.elements.order[0].shipNode.type).toBe('WFSFulfilled');
    for (const action of ['acknowledge', 'shipping', 'cancel']) {
      const res = await client.call('POST', `/v3/orders/${po}/${action}`, action === 'acknowledge' ? undefined : {});
      expect(res.status).toBe(400);
      expect(res.body.errors.error[0].description).toMatch(/WFS/);
    }
  });
});
