import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import type { NormalizedReturn, RefundPayload, ShipPayload } from '@order-hub/types';
import { AmazonAdapter } from '../src/modules/channels/amazon/amazon.adapter';
import type { PollOptions } from '../src/modules/channels/amazon/amazon-report-runner';
import { ChannelError } from '../src/modules/channels/channel-error';
import { contractViolations, recordRequests } from './support/request-contract';

const FAST_POLL: PollOptions = { firstDelayMs: 5, maxDelayMs: 20, timeoutMs: 5_000 };
const FEED_DONE_MS = 3 * 60_000 + 1_000;

interface SandboxReturn {
  rma: string;
  orderItemId: string;
  sku: string;
  quantity: number;
  trackingId: string;
  carrier: string;
}

describe('Amazon returns report and refunds through the order adjustments feed, against the sandbox', () => {
  let sandbox: Sandbox;
  let creds: ReturnType<Sandbox['createAccount']>;
  let adapter: AmazonAdapter;
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
  const newAdapter = (poll: PollOptions) =>
    new AmazonAdapter(
      sandbox.amazonBaseUrl,
      { marketplaceId: creds.marketplaceId!, sellerId: creds.sellerId },
      {
        clientId: creds.clientId,
        clientSecret: creds.clientSecret,
        refreshToken: creds.refreshToken!,
        lwaEndpoint: `${sandbox.amazonBaseUrl}/auth/o2/token`,
      },
      {},
      poll,
    );
  /** The window a returns sync would ask for: the last day up to the channel's now. */
  const lastDay = () => {
    const now = sandbox.clock.now().getTime();
    return { changedAfter: new Date(now - 86_400_000), changedBefore: new Date(now) };
  };
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected a ChannelError');
      },
      (e: unknown) => e as ChannelError,
    );

  let returnedOrder: string;
  let otherOrder: string;
  let received: SandboxReturn;
  let requested: SandboxReturn;
  let deliveredAt: string;

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 31, throttling: false });
    creds = sandbox.createAccount('AMAZON');
    adapter = newAdapter(FAST_POLL);
    [returnedOrder, otherOrder] = sandbox.generateOrders({
      accountId: creds.accountId,
      count: 2,
      seed: 4,
      placedWithinHours: 2,
      mix: { multiLine: 0, multiQuantity: 1, intentToCancel: 0, channelFulfilled: 0 },
    }).orderIds;
    // Both orders ship in full, so their units can come back.
    for (const [orderId, tracking] of [
      [returnedOrder, '1Z999AA10123456784'],
      [otherOrder, '9400111899223197428490'],
    ] as const) {
      const order = await adapter.getOrder(orderId);
      const ship: ShipPayload = {
        channelOrderId: orderId,
        shipmentId: `shipment-${orderId}`,
        packageReferenceId: '1',
        lines: order.orderItems.map((i) => ({ lineNumber: i.orderItemId, quantity: i.quantityOrdered })),
        carrier: tracking.startsWith('1Z') ? 'UPS' : 'USPS',
        channelCarrier: tracking.startsWith('1Z') ? 'UPS' : 'USPS',
        carrierName: null,
        service: null,
        trackingNumber: tracking,
        trackingUrl: null,
        shippedAt: new Date(sandbox.clock.now().getTime() - 60_000).toISOString(),
        intentToCancelOverride: false,
      };
      expect((await adapter.ship(ship)).status).toBe(204);
    }
    sandbox.clock.advance(3 * 86_400_000);
    received = await control<SandboxReturn>('/amazon/returns', {
      accountId: creds.accountId,
      orderId: returnedOrder,
      reason: 'CR-DEFECTIVE',
    });
    requested = await control<SandboxReturn>('/amazon/returns', {
      accountId: creds.accountId,
      orderId: otherOrder,
      reason: 'CR-UNWANTED_ITEM',
      quantity: 1,
    });
    sandbox.clock.advance(2 * 86_400_000);
    deliveredAt = (
      await control<{ receivedAt: string }>(`/amazon/returns/${received.rma}/deliver`, { accountId: creds.accountId })
    ).receivedAt;
    sandbox.resetContractViolations();
  });
  afterAll(async () => {
    recorder.restore();
    await sandbox?.close();
  });

  let imported: NormalizedReturn[];

  it('imports the returns report: created, polled to DONE, downloaded, parsed by header and grouped by RMA', async () => {
    const window = lastDay();
    window.changedAfter = new Date(window.changedAfter.getTime() - 5 * 86_400_000);
    const page = await adapter.returns.list(window, null);
    expect(page.rejected).toEqual([]);
    expect(page.nextCursor).toBeNull();
    expect(page.windowEnd).toEqual(window.changedBefore);
    imported = page.returns;
    expect(imported.map((r) => [r.channelReturnId, r.channelOrderId, r.status]).sort()).toEqual(
      [
        [received.rma, returnedOrder, 'RECEIVED'],
        [requested.rma, otherOrder, 'IN_TRANSIT'],
      ].sort(),
    );
    const back = imported.find((r) => r.channelReturnId === received.rma)!;
    expect(back).toMatchObject({
      channel: 'AMAZON',
      customerOrderId: returnedOrder,
      claim: false,
      currency: 'USD',
      returnType: 'REFUND',
      tracking: [{ carrier: received.carrier, trackingNumber: received.trackingId }],
    });
    expect(back.lines).toHaveLength(1);
    expect(back.lines[0]).toMatchObject({
      returnLineNumber: received.sku,
      sku: received.sku,
      lineNumber: null,
      quantity: received.quantity,
      quantityRefunded: 0,
      reasonCode: 'CR-DEFECTIVE',
      status: 'RECEIVED',
      refundedCents: null,
    });
    expect(back.lines[0].receivedAt).toEqual(new Date(deliveredAt));
    expect(back.lines[0].unitPriceCents).toBeGreaterThan(0);
    const going = imported.find((r) => r.channelReturnId === requested.rma)!;
    expect(going.lines[0]).toMatchObject({ quantity: 1, reasonCode: 'CR-UNWANTED_ITEM', receivedAt: null });
  });

  it('refunds the received return through the adjustments feed and reads its processing report back APPLIED', async () => {
    const line = imported.find((r) => r.channelReturnId === received.rma)!.lines[0];
    const itemCents = line.unitPriceCents! * line.quantity;
    const refund: RefundPayload = {
      channelOrderId: returnedOrder,
      comments: null,
      returnId: 'hub-return-1',
      lines: [
        {
          lineNumber: received.orderItemId,
          amountCents: itemCents,
          reason: 'CustomerReturn',
          isFullRefund: false,
          refundedAfterCents: itemCents,
          quantity: line.quantity,
          components: [{ type: 'ITEM', amountCents: itemCents }],
        },
      ],
    };
    expect(await adapter.readBack('REFUND', refund, null)).toMatchObject({ state: 'NOT_APPLIED' });
    const sent = await adapter.refund(refund);
    expect(sent.status).toBe(202);
    expect(sent.channelRef).toMatch(/^\d+$/);
    expect(sent.request.body).toMatchObject({ feedType: 'POST_PAYMENT_ADJUSTMENT_DATA' });
    expect(await adapter.readBack('REFUND', refund, sent.channelRef!)).toMatchObject({ state: 'IN_PROGRESS' });
    sandbox.clock.advance(FEED_DONE_MS);
    expect(await adapter.readBack('REFUND', refund, sent.channelRef!)).toEqual({ state: 'APPLIED' });

    // The next returns report shows the refund on the return.
    const window = lastDay();
    window.changedAfter = new Date(window.changedAfter.getTime() - 5 * 86_400_000);
    const after = (await adapter.returns.list(window, null)).returns.find((r) => r.channelReturnId === received.rma)!;
    expect(after.status).toBe('REFUNDED');
    expect(after.lines[0]).toMatchObject({
      status: 'REFUNDED',
      quantityRefunded: line.quantity,
      refundedCents: itemCents,
      refundedBy: 'SELLER',
    });
  });

  it('reads an over-refund back REJECTED in Amazon words, naming the item', async () => {
    const order = await adapter.getOrder(otherOrder);
    const item = order.orderItems[0].orderItemId;
    const refund: RefundPayload = {
      channelOrderId: otherOrder,
      comments: null,
      lines: [
        {
          lineNumber: item,
          amountCents: 999_999,
          reason: 'CustomerReturn',
          isFullRefund: false,
          refundedAfterCents: 999_999,
          quantity: 1,
        },
      ],
    };
    const sent = await adapter.refund(refund);
    sandbox.clock.advance(FEED_DONE_MS);
    const back = await adapter.readBack('REFUND', refund, sent.channelRef!);
    expect(back.state).toBe('REJECTED');
    expect(back.detail).toMatch(new RegExp(`^item ${item}: \\d+ The refund amount .*exceeds`));
  });

  it('reads a feed Amazon could not process back REJECTED', async () => {
    await control('/amazon/feeds/faults', { accountId: creds.accountId, outcome: 'FATAL' });
    const order = await adapter.getOrder(otherOrder);
    const refund: RefundPayload = {
      channelOrderId: otherOrder,
      comments: null,
      lines: [
        {
          lineNumber: order.orderItems[0].orderItemId,
          amountCents: 100,
          reason: 'GeneralAdjustment',
          isFullRefund: false,
          refundedAfterCents: 100,
        },
      ],
    };
    const sent = await adapter.refund(refund);
    sandbox.clock.advance(FEED_DONE_MS);
    expect(await adapter.readBack('REFUND', refund, sent.channelRef!)).toEqual({
      state: 'REJECTED',
      detail: `Amazon could not process feed ${sent.channelRef!} (FATAL)`,
    });
  });

  it('throws a ChannelError in words when the report ends FATAL, and when it never finishes', async () => {
    await control('/amazon/reports/faults', { accountId: creds.accountId, outcome: 'FATAL' });
    const fatal = await failure(adapter.returns.list(lastDay(), null));
    expect(fatal).toBeInstanceOf(ChannelError);
    // With Amazon's own words from the report's error document.
    expect(fatal.message).toMatch(
      /^Amazon ended the returns report \d+ as failed: The report could not be generated because of an internal error\.$/,
    );
    expect(fatal.retryable).toBe(true);

    await control('/amazon/reports/faults', { accountId: creds.accountId, outcome: 'STUCK' });
    const impatient = newAdapter({ firstDelayMs: 5, maxDelayMs: 20, timeoutMs: 150 });
    const stuck = await failure(impatient.returns.list(lastDay(), null));
    expect(stuck).toBeInstanceOf(ChannelError);
    expect(stuck.message).toMatch(/^Amazon had not finished the returns report \d+ after 150 milliseconds$/);
  });

  it('reads a report Amazon cancelled for want of data as no returns', async () => {
    const now = sandbox.clock.now().getTime();
    const page = await adapter.returns.list(
      { changedAfter: new Date(now - 40 * 86_400_000), changedBefore: new Date(now - 30 * 86_400_000) },
      null,
    );
    expect(page).toMatchObject({ returns: [], rejected: [], nextCursor: null });
  });

  it('asks for at most the 60 days Amazon allows', async () => {
    const now = sandbox.clock.now().getTime();
    const page = await adapter.returns.list(
      { changedAfter: new Date(now - 90 * 86_400_000), changedBefore: new Date(now) },
      null,
    );
    expect(page.returns.map((r) => r.channelReturnId).sort()).toEqual([received.rma, requested.rma].sort());
  });

  it('sent only what the Reports and Feeds models allow, and the sandbox saw no violation', () => {
    const origin = new URL(sandbox.baseUrl).origin;
    const modelled = recorder.requests.filter(
      (r) =>
        r.url.origin === origin &&
        r.url.pathname !== '/amazon/auth/o2/token' &&
        !r.url.pathname.startsWith('/amazon/_') &&
        !r.url.pathname.startsWith('/_sandbox'),
    );
    const operations = new Set(modelled.map((r) => `${r.method} ${r.url.pathname.split('/').slice(0, 4).join('/')}`));
    expect([...operations].sort()).toEqual([
      'GET /amazon/feeds/2021-06-30',
      'GET /amazon/orders/2026-01-01',
      'GET /amazon/reports/2021-06-30',
      'POST /amazon/feeds/2021-06-30',
      'POST /amazon/orders/v0',
      'POST /amazon/reports/2021-06-30',
    ]);
    expect(modelled.flatMap(contractViolations)).toEqual([]);
    expect(sandbox.contractViolations()).toMatchObject({ requestsRefused: 0, responseViolations: 0 });
  });
});
