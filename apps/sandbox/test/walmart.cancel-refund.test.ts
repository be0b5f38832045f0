import type { Sandbox } from '../src';
import { SINGLE, cancellation, lineStatuses, refund, shipLine, shipment } from './helpers/fixtures';
import { T0, startSandbox, walmartSeller } from './helpers/sandbox';

const DAY = 24 * 3600 * 1000;

describe('Walmart cancellation, refund and auto-cancel', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.clock.set(T0);
  });

  it('cancels part of a line with a current reason and rejects legacy reasons', async () => {
    const { client, orderIds } = await walmartSeller(sandbox, 1, { mix: { ...SINGLE.mix, multiQuantity: 1 } });
    const po = orderIds[0];
    const legacy = await client.call(
      'POST',
      `/v3/orders/${po}/cancel`,
      cancellation('1', 1, 'SELLER_CANCEL_CUSTOMER_DUPLICATE_ORDER'),
    );
    expect(legacy.status).toBe(400);
    expect(legacy.body.errors.error[0].field).toMatch(/cancellationReason$/);
    const res = await client.call('POST', `/v3/orders/${po}/cancel`, cancellation('1', 1));
    expect(res.status).toBe(200);
    const statuses = lineStatuses(res.body.order);
    expect(statuses[statuses.length - 1]).toEqual({
      status: 'Cancelled',
      amount: '1',
      reason: 'SELLER_CANCEL_OUT_OF_STOCK',
    });
    expect(statuses[0].status).toBe('Created');
  });

  it('keeps CUSTOMER_REQUESTED_SELLER_TO_CANCEL for lines with an intent to cancel', async () => {
    const plain = await walmartSeller(sandbox, 1, SINGLE);
    const refused = await plain.client.call(
      'POST',
      `/v3/orders/${plain.orderIds[0]}/cancel`,
      cancellation('1', 1, 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL'),
    );
    expect(refused.status).toBe(400);
    const asked = await walmartSeller(sandbox, 1, { mix: { ...SINGLE.mix, intentToCancel: 1 } });
    const ok = await asked.client.call(
      'POST',
      `/v3/orders/${asked.orderIds[0]}/cancel`,
      cancellation('1', 1, 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL'),
    );
    expect(ok.status).toBe(200);
  });

  it('never cancels shipped units and refunds only shipped lines', async () => {
    const { client, orderIds } = await walmartSeller(sandbox, 1, SINGLE);
    const po = orderIds[0];
    expect((await client.call('POST', `/v3/orders/${po}/refund`, refund(po, '1', -1))).status).toBe(400);
    await client.call('POST', `/v3/orders/${po}/acknowledge`);
    await client.call('POST', `/v3/orders/${po}/shipping`, shipment(shipLine('1', 1)));
    const cancel = await client.call('POST', `/v3/orders/${po}/cancel`, cancellation('1', 1));
    expect(cancel.status).toBe(400);
    expect(cancel.body.errors.error[0].description).toMatch(/already shipped/);
  });

  it('refunds with negative amounts, never above the charge', async () => {
    const { client, orderIds } = await walmartSeller(sandbox, 1, SINGLE);
    const po = orderIds[0];
    const acked = await client.call('POST', `/v3/orders/${po}/acknowledge`);
    const price = acked.body.order.orderLines.orderLine[0].charges.charge[0].chargeAmount.amount as number;
    await client.call('POST', `/v3/orders/${po}/shipping`, shipment(shipLine('1', 1)));
    const positive = await client.call('POST', `/v3/orders/${po}/refund`, refund(po, '1', 5));
    expect(positive.body.errors.error[0].description).toMatch(/must be negative/);
    const tooMuch = await client.call('POST', `/v3/orders/${po}/refund`, refund(po, '1', -(price + 1)));
    expect(tooMuch.body.errors.error[0].description).toMatch(/exceeds/);
    const partial = await client.call('POST', `/v3/orders/${po}/refund`, refund(po, '1', -5, -0.36));
    expect(partial.status).toBe(200);
    const line = partial.body.order.orderLines.orderLine[0];
    expect(line.orderLineStatuses.orderLineStatus[0].status).toBe('Shipped');
    expect(line.refund.refundCharges.refundCharge[0].charge.chargeAmount.amount).toBe(-5);
    const rest = await client.call('POST', `/v3/orders/${po}/refund`, refund(po, '1', -(price - 4)));
    expect(rest.status).toBe(400);
  });

  it('auto-cancels unshipped lines at estimated ship date + 4 days, and only those', async () => {
    const { client, orderIds } = await walmartSeller(sandbox, 2, SINGLE);
    const [shipped, forgotten] = orderIds;
    await client.call('POST', `/v3/orders/${shipped}/acknowledge`);
    await client.call('POST', `/v3/orders/${shipped}/shipping`, shipment(shipLine('1', 1)));
    await client.call('POST', `/v3/orders/${forgotten}/acknowledge`);
    const esd = (await client.call('GET', `/v3/orders/${forgotten}`)).body.order.shippingInfo
      .estimatedShipDate as number;

    sandbox.clock.set(esd + 4 * DAY - 1000);
    await client.authenticate();
    expect(lineStatuses((await client.call('GET', `/v3/orders/${forgotten}`)).body.order)[0].status).toBe(
      'Acknowledged',
    );

    sandbox.clock.set(esd + 4 * DAY + 1000);
    await client.authenticate();
    const after = await client.call('GET', `/v3/orders/${forgotten}`);
    expect(lineStatuses(after.body.order)[0]).toMatchObject({
      status: 'Cancelled',
      reason: 'SELLER_CANCEL_AUTO_CANCEL',
    });
    expect(after.body.order.orderLines.orderLine[0].statusDate).toBe(esd + 4 * DAY);
    expect(lineStatuses((await client.call('GET', `/v3/orders/${shipped}`)).body.order)[0].status).toBe('Shipped');
    const modified = await client.call(
      'GET',
      `/v3/orders?status=Cancelled&createdStartDate=2026-11-01&lastModifiedStartDate=${new Date(esd + 4 * DAY - 60_000).toISOString().slice(0, 19)}Z`,
    );
    expect(modified.body.list.elements.order.map((o: any) => o.purchaseOrderId)).toEqual([forgotten]);
  });
});
