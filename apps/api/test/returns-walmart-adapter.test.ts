import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import type { NormalizedReturn, ReturnRefundPayload, ShipPayload } from '@order-hub/types';
import { ChannelError } from '../src/modules/channels/channel-error';
import { WalmartAdapter } from '../src/modules/channels/walmart/walmart.adapter';
import type { WalmartReturnsResponse } from '../src/modules/channels/walmart/walmart-return.types';
import { contractViolations, recordRequests } from './support/request-contract';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A return as the sandbox's control route answers it (GET /v3/returns's shape). */
interface ControlReturn {
  returnOrderId: string;
  customerOrderId: string;
  returnOrderLines: { returnOrderLineNumber: number; purchaseOrderLineNumber: number }[];
}

describe('Walmart returns: the adapter reads and refunds them against the sandbox over HTTP', () => {
  let sandbox: Sandbox;
  let creds: ReturnType<Sandbox['createAccount']>;
  let adapter: WalmartAdapter;
  const recorder = recordRequests();

  const control = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${sandbox.controlBaseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const now = () => sandbox.clock.now().getTime();
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected a ChannelError');
      },
      (e: unknown) => e as ChannelError,
    );
  /** Every return the adapter lists in the window, page by page, with the number of pages it took. */
  const listAll = async (window: { changedAfter: Date; changedBefore: Date }) => {
    const returns: NormalizedReturn[] = [];
    const rejected: unknown[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await adapter.returns.list(window, cursor);
      returns.push(...page.returns);
      rejected.push(...page.rejected);
      expect(page.windowEnd).toEqual(window.changedBefore);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    return { returns, rejected, pages };
  };

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 41, throttling: false });
    // The channel's clock stands still unless the test moves it, so every time below is exact.
    sandbox.clock.set(new Date(Math.floor(Date.now() / 1000) * 1000));
    creds = sandbox.createAccount('WALMART');
    adapter = new WalmartAdapter(sandbox.walmartBaseUrl, {
      clientId: creds.clientId,
      clientSecret: creds.clientSecret,
    });
    sandbox.resetContractViolations();
  });
  afterAll(async () => {
    recorder.restore();
    await sandbox?.close();
  });

  it('lists a generated history page by page, following Walmart’s nextCursor exactly as sent', async () => {
    // A month of delivered seller-fulfilled orders, every one returned; the last return opens 12 days after its delivery.
    sandbox.generateOrders({
      accountId: creds.accountId,
      count: 320,
      seed: 7,
      placedWithinHours: 30 * 24,
      mix: { channelFulfilled: 0, intentToCancel: 0 },
      history: { late: 0, invalidTracking: 0, cancelled: 0, delivered: 1, lateDelivery: 0, returned: 1 },
    });
    sandbox.clock.advance(13 * DAY);
    const window = {
      changedAfter: new Date(now() - 120 * DAY),
      changedBefore: new Date(Math.floor(now() / 1000) * 1000),
    };
    const first = recorder.requests.length;
    const { returns, rejected, pages } = await listAll(window);

    // What Walmart says the window holds, asked directly with the same filters.
    const direct = await adapter.client.get(
      'returns.list',
      `/v3/returns?returnLastModifiedStartDate=${window.changedAfter.toISOString().replace(/\.\d{3}Z$/, 'Z')}` +
        `&returnLastModifiedEndDate=${window.changedBefore.toISOString().replace(/\.\d{3}Z$/, 'Z')}&limit=200&replacementInfo=true`,
    );
    const meta = (direct.body as WalmartReturnsResponse).meta!;
    expect(meta.totalCount).toBeGreaterThan(200);
    expect(pages).toBe(Math.ceil(meta.totalCount! / 200));
    expect(rejected).toEqual([]);
    expect(returns).toHaveLength(meta.totalCount!);
    expect(new Set(returns.map((r) => r.channelReturnId)).size).toBe(returns.length);

    // The first call names the window; the next is /v3/returns + Walmart's cursor, character for character.
    const calls = recorder.requests.slice(first).filter((r) => r.url.pathname.endsWith('/v3/returns'));
    expect(calls[0].url.searchParams.get('returnLastModifiedStartDate')).toBe(
      window.changedAfter.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    );
    expect(calls[0].url.searchParams.get('limit')).toBe('200');
    expect(calls[1].url.search).toBe(meta.nextCursor);

    // The history reads as Walmart tells it: most refunded by the seller in time, some by Walmart itself.
    const lines = returns.flatMap((r) => r.lines);
    expect(lines.every((l) => l.reasonCode && l.unitPriceCents! > 0 && l.unitTaxCents !== null)).toBe(true);
    expect(returns.every((r) => r.tracking.length === 1 && r.labelUrl?.startsWith('https://'))).toBe(true);
    const refunded = returns.filter((r) => r.status === 'REFUNDED');
    expect(refunded.length).toBeGreaterThan(0);
    const by = (who: string | null) => lines.filter((l) => l.status === 'REFUNDED' && l.refundedBy === who).length;
    expect(by('SELLER')).toBeGreaterThan(by('CHANNEL'));
    expect(by('CHANNEL')).toBeGreaterThan(0);
    for (const l of lines.filter((x) => x.refundedBy === 'CHANNEL'))
      expect(l.refundedAt!.getTime() - l.receivedAt!.getTime()).toBe(48 * HOUR);
  });

  it('rides out Walmart failing a few times, and says so in its words when it keeps failing', async () => {
    const patient = new WalmartAdapter(
      sandbox.walmartBaseUrl,
      { clientId: creds.clientId, clientSecret: creds.clientSecret },
      { policy: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 5_000 } },
    );
    const window = { changedAfter: new Date(now() - 3 * DAY), changedBefore: new Date(now()) };
    const expected = (await patient.returns.list(window, null)).returns.map((r) => r.channelReturnId);
    expect(expected.length).toBeGreaterThan(0);
    const flaky = sandbox.injectFault({ channel: 'WALMART', route: '/walmart/v3/returns', error503: 1, times: 2 });
    try {
      const page = await patient.returns.list(window, null);
      expect(page.returns.map((r) => r.channelReturnId)).toEqual(expected);
      expect(sandbox.clearFaults(flaky.id)).toBe(1);
      sandbox.injectFault({ channel: 'WALMART', route: '/walmart/v3/returns', error500: 1 });
      const down = await failure(patient.returns.list(window, null));
      expect(down).toBeInstanceOf(ChannelError);
      expect(down).toMatchObject({
        kind: 'SERVER',
        retryable: true,
        details: { status: 500, operation: 'returns.list' },
      });
      expect(down.summary()).toMatch(/^WALMART returns\.list 500/);
    } finally {
      sandbox.clearFaults();
    }
  });

  it('reads an empty window as an empty page', async () => {
    const page = await adapter.returns.list(
      { changedAfter: new Date(now() + DAY), changedBefore: new Date(now() + 2 * DAY) },
      null,
    );
    expect(page).toMatchObject({ returns: [], rejected: [], nextCursor: null });
  });

  describe('a return refunded through the adapter', () => {
    let po: string;
    let ret: ControlReturn;
    let lineNumber: string;
    const refund = (quantity: number, refundedAfter: number): ReturnRefundPayload => ({
      returnId: '00000000-0000-4000-8000-000000000041',
      channelReturnId: ret.returnOrderId,
      customerOrderId: ret.customerOrderId,
      channelOrderId: po,
      lines: [{ returnLineNumber: lineNumber, quantity, refundedAfter }],
    });
    const listed = async () => {
      const { returns } = await listAll({
        changedAfter: new Date(now() - 2 * DAY),
        changedBefore: new Date(Math.floor(now() / 1000) * 1000),
      });
      return returns.find((r) => r.channelReturnId === ret.returnOrderId)!;
    };

    beforeAll(async () => {
      const fresh = sandbox.createAccount('WALMART');
      adapter = new WalmartAdapter(sandbox.walmartBaseUrl, {
        clientId: fresh.clientId,
        clientSecret: fresh.clientSecret,
      });
      [po] = sandbox.generateOrders({
        accountId: fresh.accountId,
        count: 1,
        seed: 9,
        placedWithinHours: 1,
        mix: { multiLine: 0, multiQuantity: 1, intentToCancel: 0, channelFulfilled: 0 },
      }).orderIds;
      const order = await adapter.getOrder(po);
      const line = order.orderLines.orderLine[0];
      const ship: ShipPayload = {
        channelOrderId: po,
        shipmentId: `shipment-${po}`,
        packageReferenceId: '1',
        lines: [{ lineNumber: line.lineNumber, quantity: Number(line.orderLineQuantity.amount) }],
        carrier: 'UPS',
        channelCarrier: 'UPS',
        carrierName: null,
        service: null,
        trackingNumber: '1Z999AA10123456784',
        trackingUrl: null,
        shippedAt: new Date(now() - 60_000).toISOString(),
        intentToCancelOverride: false,
      };
      await adapter.acknowledge({ channelOrderId: po });
      await adapter.ship(ship);
      ret = await control<ControlReturn>('/walmart/returns', {
        accountId: fresh.accountId,
        purchaseOrderId: po,
        lines: [{ lineNumber: line.lineNumber, quantity: 2, reason: 'DEFECTIVE' }],
      });
      lineNumber = String(ret.returnOrderLines[0].returnOrderLineNumber);
    });

    it('is refused before the item reaches the return centre, in Walmart’s words, and the read-back says not applied', async () => {
      expect((await listed()).status).toMatch(/REQUESTED|IN_TRANSIT/);
      const refused = await failure(adapter.refundReturn(refund(1, 1)));
      expect(refused).toBeInstanceOf(ChannelError);
      expect(refused).toMatchObject({ kind: 'INVALID_REQUEST', details: { status: 400 } });
      expect(refused.message).toMatch(/has not been received at the return center yet/);
      expect(await adapter.readBack('RETURN_REFUND', refund(1, 1))).toEqual({
        state: 'NOT_APPLIED',
        detail: `return line ${lineNumber}: 0 of 1 unit(s) refunded`,
      });
    });

    it('refunds one unit, then the other; each read back from Walmart’s copy of the return', async () => {
      await control(`/walmart/returns/${ret.returnOrderId}/deliver`, {});
      const received = await listed();
      expect(received).toMatchObject({ status: 'RECEIVED', lines: [{ quantity: 2, quantityRefunded: 0 }] });
      expect(received.lines[0].receivedAt!.getTime()).toBe(Math.floor(now() / 1000) * 1000);

      const partial = await adapter.refundReturn(refund(1, 1));
      expect(partial).toMatchObject({
        status: 200,
        request: {
          method: 'POST',
          path: `/v3/returns/${ret.returnOrderId}/refund`,
          body: {
            customerOrderId: ret.customerOrderId,
            refundLines: [
              { returnOrderLineNumber: Number(lineNumber), quantity: { unitOfMeasure: 'EA', measurementValue: 1 } },
            ],
          },
        },
      });
      expect(await adapter.readBack('RETURN_REFUND', refund(1, 1))).toEqual({ state: 'APPLIED' });
      expect(await adapter.readBack('RETURN_REFUND', refund(2, 2))).toEqual({
        state: 'NOT_APPLIED',
        detail: `return line ${lineNumber}: 1 of 2 unit(s) refunded`,
      });
      expect(await listed()).toMatchObject({
        status: 'RECEIVED',
        lines: [{ quantityRefunded: 1, refundedBy: 'SELLER' }],
      });

      // Two more than are left: Walmart refuses and says why.
      const over = await failure(adapter.refundReturn({ ...refund(2, 3) }));
      expect(over).toMatchObject({ kind: 'INVALID_REQUEST', details: { status: 400 } });
      expect(over.message).toMatch(/exceeds the 1 units/);

      expect((await adapter.refundReturn(refund(1, 2))).status).toBe(200);
      expect(await adapter.readBack('RETURN_REFUND', refund(1, 2))).toEqual({ state: 'APPLIED' });
      expect(await listed()).toMatchObject({
        status: 'REFUNDED',
        lines: [{ status: 'REFUNDED', quantityRefunded: 2, refundedBy: 'SELLER' }],
      });
      // The purchase order shows the refund, as an order refund does.
      const poLine = (await adapter.getOrder(po)).orderLines.orderLine[0];
      expect(poLine.refund?.refundCharges?.refundCharge.length).toBeGreaterThan(0);

      // Twice for the same return: nothing is left to refund.
      const again = await failure(adapter.refundReturn(refund(1, 3)));
      expect(again.message).toMatch(/already fully refunded/);
    });

    it('reads back a return Walmart does not have as not applied', async () => {
      expect(
        await adapter.readBack('RETURN_REFUND', { ...refund(1, 1), channelReturnId: '999999999999999999' }),
      ).toEqual({ state: 'NOT_APPLIED', detail: 'Walmart lists no return 999999999999999999' });
    });
  });

  it('sent only what the returns model allows, and the sandbox found nothing wrong either way', () => {
    const toWalmart = recorder.requests.filter((r) => r.url.pathname.startsWith('/walmart/'));
    const returnsCalls = toWalmart.filter((r) => r.url.pathname.startsWith('/walmart/v3/returns'));
    expect(
      new Set(returnsCalls.map((r) => `${r.method} ${r.url.pathname.replace(/\/[^/]+\/refund$/, '/{id}/refund')}`)),
    ).toEqual(new Set(['GET /walmart/v3/returns', 'POST /walmart/v3/returns/{id}/refund']));
    expect(returnsCalls.length).toBeGreaterThan(10);
    expect(toWalmart.flatMap(contractViolations)).toEqual([]);
    expect(sandbox.contractViolations()).toMatchObject({ requestsRefused: 0, responseViolations: 0 });
  });
});
