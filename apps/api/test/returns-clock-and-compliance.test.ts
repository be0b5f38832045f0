import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import type { NormalizedOrder, NormalizedReturn } from '@order-hub/types';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { ComplianceAlarmsService } from '../src/modules/compliance/compliance-alarms.service';
import { ReturnsService } from '../src/modules/returns/returns.service';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const RETURNS = `query ($a: ID) { returns(filter: { accountId: $a }, first: 50) { edges { node {
  id channelReturnId orderId orderNumber status receivedAt refundedAt refundedBy refundClock { state label }
  lines { returnLineNumber quantity quantityRefundable } } } } }`;
const REFRESH = `mutation ($a: ID!) { refreshReturns(accountId: $a) { lastSuccessAt lastError returnsImported returnsUpdated } }`;
const REFUND = `mutation ($input: RefundReturnInput!) { refundReturn(input: $input) {
  return { id status } outbox { id status } warnings { code } } }`;
const REPORT = `query ($a: ID, $asOf: DateTime) { complianceReport(channel: WALMART, accountId: $a, asOf: $asOf) {
  returns { windowDays windowStart windowEnd
    returnRate { label returned delivered percent threshold comparator status returnedOrders { orderId orderNumber } }
    refundsByCategory { category label count amountCents }
    byReason { reasonCode label category count units }
    refundedByChannel { count amountCents explanation
      returns { id channelReturnId orderId orderNumber receivedAt refundedAt amountCents } } } } }`;

interface ReturnView {
  id: string;
  channelReturnId: string;
  orderId: string | null;
  orderNumber: string;
  status: string;
  receivedAt: string | null;
  refundedAt: string | null;
  refundedBy: string | null;
  refundClock: { state: string; label: string };
  lines: { returnLineNumber: string; quantity: number; quantityRefundable: number }[];
}

interface AlertRow {
  condition_key: string;
  kind: string;
  severity: string;
  message: string;
  action: string | null;
  order_id: string | null;
}

describe.each(testDatabases())('the refund clock and the returns side of compliance on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let alarms: ComplianceAlarmsService;
  // The sandbox's clock starts three days back, so what Walmart does at receipt + 48 h is already past for the hub.
  const start = new Date(Math.floor((Date.now() - 3 * DAY) / 60_000) * 60_000);

  const openAlerts = (orderIds: string[]): Promise<AlertRow[]> =>
    app.ds.query(
      `SELECT condition_key, kind, severity, message, action, order_id FROM alert
        WHERE resolved_at IS NULL AND order_id = ANY($1::uuid[]) ORDER BY condition_key`,
      [orderIds],
    );
  const control = async (path: string, body: unknown = {}) => {
    const res = await fetch(`${sandbox.controlBaseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const pullReturns = async (account: ConnectedAccount): Promise<ReturnView[]> => {
    const refreshed = await app.gql(REFRESH, { a: account.hubId });
    expect(refreshed.errors).toBeUndefined();
    expect(refreshed.data!.refreshReturns.lastError).toBeNull();
    const listed = await app.gql(RETURNS, { a: account.hubId });
    expect(listed.errors).toBeUndefined();
    return (listed.data!.returns.edges as { node: ReturnView }[]).map((e) => e.node);
  };

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 18, clock: start, throttling: { rateScale: 1000 } });
    app = await startTestApp(kind, { CHANNEL_RATE_SCALE: '1000', CHANNEL_TIMEOUT_MS: '3000' });
    alarms = app.running.app.get(ComplianceAlarmsService);
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('warns at receipt + 37 h, is overdue at + 49 h, and counts and explains the refund Walmart then issues itself', async () => {
    const account = await connectSandboxAccount(app, sandbox, 'WALMART', 'Walmart returns clock');
    sandbox.generateOrders({
      accountId: account.sandboxAccountId,
      count: 8,
      seed: 4,
      placedWithinHours: 24 * 12,
      shipByHours: [24, 36],
      mix: { channelFulfilled: 0, intentToCancel: 0, multiLine: 0, multiQuantity: 0 },
      history: { late: 0, invalidTracking: 0, cancelled: 0, delivered: 1, lateDelivery: 0, returned: 0 },
    });
    await syncAndWait(app, account.hubId);
    const delivered: { id: string; channelOrderId: string }[] = await app.ds.query(
      `SELECT id, channel_order_id AS "channelOrderId" FROM "order" WHERE account_id = $1 AND status = 'DELIVERED' ORDER BY channel_order_id`,
      [account.hubId],
    );
    expect(delivered.length).toBeGreaterThanOrEqual(2);
    const [late, onTime] = delivered;

    // Two buyers return their items; both reach the return centre now (by the sandbox's clock).
    const rmaLate = String(
      (await control('/walmart/returns', { accountId: account.sandboxAccountId, purchaseOrderId: late.channelOrderId }))
        .returnOrderId,
    );
    const rmaOnTime = String(
      (
        await control('/walmart/returns', {
          accountId: account.sandboxAccountId,
          purchaseOrderId: onTime.channelOrderId,
        })
      ).returnOrderId,
    );
    await control(`/walmart/returns/${rmaLate}/deliver`);
    await control(`/walmart/returns/${rmaOnTime}/deliver`);
    const receivedAt = sandbox.clock.now();

    let returns = await pullReturns(account);
    const lateReturn = returns.find((r) => r.channelReturnId === rmaLate)!;
    const onTimeReturn = returns.find((r) => r.channelReturnId === rmaOnTime)!;
    expect(lateReturn).toMatchObject({ status: 'RECEIVED', orderId: late.id, refundedBy: null });
    expect(Date.parse(lateReturn.receivedAt!)).toBe(receivedAt.getTime());

    // The seller refunds one of them at once, through the hub (outbox → POST /v3/returns/{id}/refund → read back).
    const refunded = await app.gql(REFUND, {
      input: {
        returnId: onTimeReturn.id,
        lines: onTimeReturn.lines.map((l) => ({
          returnLineNumber: l.returnLineNumber,
          quantity: l.quantityRefundable,
        })),
      },
    });
    expect(refunded.errors).toBeUndefined();
    await waitFor(async () => {
      const [row] = await app.ds.query(`SELECT status, refunded_by FROM order_return WHERE id = $1`, [onTimeReturn.id]);
      return row.status === 'REFUNDED' && row.refunded_by === 'SELLER';
    }, 'the seller refund to be read back');

    const orderIds = [late.id, onTime.id];
    // 37 h after receipt: 11 h left of 48, within the 12-hour warning.
    await alarms.scan(new Date(receivedAt.getTime() + 37 * HOUR), false);
    let open = await openAlerts(orderIds);
    expect(open.map((a) => [a.kind, a.severity, a.order_id])).toEqual([['REFUND_DUE_SOON', 'HIGH', late.id]]);
    expect(open[0].condition_key).toBe(`refund-clock:${lateReturn.id}:due-soon`);
    expect(open[0].message).toContain(`Return ${rmaLate} of Walmart order ${late.channelOrderId}`);
    expect(open[0].message).toContain('must be refunded within 11 h 0 min');
    // The account's zone (Los Angeles by default), named.
    expect(open[0].message).toMatch(/\(by [A-Z][a-z]{2} \d+, \d{4}, \d+:\d{2} [AP]M P[SD]T\)/);
    expect(open[0].action).toBe(`Refund it from the return (/returns/${lateReturn.id}) before then.`);

    // 49 h after receipt: overdue; the warning is resolved by the same scan.
    await alarms.scan(new Date(receivedAt.getTime() + 49 * HOUR), false);
    open = await openAlerts(orderIds);
    expect(open.map((a) => [a.kind, a.severity])).toEqual([['REFUND_OVERDUE', 'CRITICAL']]);
    expect(open[0].message).toContain('overdue by 1 h 0 min');

    // Walmart's clock passes 48 h: it refunds the buyer itself; the next pull shows it. The hub pulls changes since its
    // last pull by its own (real) clock, while the sandbox's stands days back: the watermark goes back to where the
    // sandbox's clock stood at that pull, as it would were both clocks the same.
    sandbox.clock.advance(49 * HOUR);
    await app.ds.query(`UPDATE return_sync_state SET watermark = $2 WHERE account_id = $1`, [
      account.hubId,
      receivedAt,
    ]);
    returns = await pullReturns(account);
    const settled = returns.find((r) => r.id === lateReturn.id)!;
    expect(settled).toMatchObject({
      status: 'REFUNDED',
      refundedBy: 'CHANNEL',
      refundClock: { state: 'SETTLED', label: 'Walmart refunded it itself' },
    });
    expect(Date.parse(settled.refundedAt!)).toBe(receivedAt.getTime() + 48 * HOUR);
    expect(returns.find((r) => r.id === onTimeReturn.id)).toMatchObject({ status: 'REFUNDED', refundedBy: 'SELLER' });

    await alarms.scan(sandbox.clock.now(), false);
    open = await openAlerts(orderIds);
    expect(open.map((a) => [a.kind, a.severity, a.condition_key])).toEqual([
      ['RETURN_REFUNDED_BY_CHANNEL', 'MEDIUM', `refunded-by-channel:${lateReturn.id}`],
    ]);
    expect(open[0].message).toMatch(
      new RegExp(
        `^Walmart refunded return ${rmaLate} of Walmart order ${late.channelOrderId} itself 48 h after receipt \\(received .*, refunded .*\\); it counts against your refund standards\\.$`,
      ),
    );
    // It stays open for 7 days after the refund, then resolves.
    await alarms.scan(new Date(receivedAt.getTime() + 48 * HOUR + 7 * DAY + HOUR), false);
    expect(await openAlerts(orderIds)).toEqual([]);

    // The compliance report counts it and says why; the seller's own refund is not among them.
    const report = await app.gql(REPORT, { a: account.hubId, asOf: new Date().toISOString() });
    expect(report.errors).toBeUndefined();
    const section = report.data!.complianceReport.returns;
    expect(section.windowDays).toBe(60);
    expect(section.refundedByChannel).toMatchObject({
      count: 1,
      returns: [
        {
          id: lateReturn.id,
          channelReturnId: rmaLate,
          orderId: late.id,
          orderNumber: late.channelOrderId,
          receivedAt: receivedAt.toISOString(),
          refundedAt: new Date(receivedAt.getTime() + 48 * HOUR).toISOString(),
        },
      ],
    });
    expect(section.refundedByChannel.amountCents).toBeGreaterThan(0);
    expect(section.refundedByChannel.amountCents).toBe(section.refundedByChannel.returns[0].amountCents);
    expect(section.refundedByChannel.explanation).toContain(
      "did not refund these returns within 48 hours of receiving them, so Walmart refunded the buyer on the seller's behalf",
    );
    expect(section.refundedByChannel.explanation).toContain("counts against the seller's refund standards");
    // Both refunds (the seller's and Walmart's) are in the split by reason category, every category listed.
    const refundedReturns = section.refundsByCategory.reduce((n: number, c: { count: number }) => n + c.count, 0);
    expect(refundedReturns).toBe(2);
    expect(section.refundsByCategory.map((c: { label: string }) => c.label)).toEqual([
      'Seller fault',
      'Buyer remorse',
      'Other',
    ]);
    // Both returned orders are in the return rate's numerator, over the orders the hub shows delivered.
    expect(section.returnRate.returned).toBe(2);
    expect(section.returnRate.returnedOrders.map((o: { orderId: string }) => o.orderId).sort()).toEqual(
      [late.id, onTime.id].sort(),
    );
    expect(section.returnRate.delivered).toBe(delivered.length);
    expect(section.returnRate).toMatchObject({ threshold: 6, comparator: 'AT_MOST' });
  });

  it('measures the return rate over a known set of delivered orders, and splits refunds by reason category', async () => {
    const account: ChannelAccountEntity = await anAccount(app, 'WALMART', 'UTC');
    const asOf = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const ago = (days: number) => new Date(asOf.getTime() - days * DAY);
    const deliveredOrder = (deliveredDaysAgo: number, overrides: Partial<NormalizedOrder> = {}) =>
      anOrder({
        orderedAt: ago(deliveredDaysAgo + 4),
        channelUpdatedAt: ago(deliveredDaysAgo),
        status: 'DELIVERED',
        shipBy: ago(deliveredDaysAgo + 3),
        lines: [
          {
            lineNumber: '1',
            sku: 'SKU-RR',
            title: 'Return rate item',
            quantityOrdered: 2,
            quantityShipped: 2,
            quantityCancelled: 0,
            quantityRefunded: 0,
            unitPriceCents: 1500,
            status: 'DELIVERED',
            cancellationRequested: false,
          },
        ],
        shipments: [
          {
            carrier: 'UPS',
            service: null,
            trackingNumber: null,
            trackingUrl: null,
            shippedAt: ago(deliveredDaysAgo + 3),
            packageType: 'PARCEL',
            weightOz: null,
            lengthIn: null,
            widthIn: null,
            heightIn: null,
            lines: [{ lineNumber: '1', quantity: 2 }],
            events: [{ type: 'DELIVERED', at: ago(deliveredDaysAgo) }],
          },
        ],
        ...overrides,
      });
    // Ten seller-fulfilled orders delivered in the last 60 days…
    const inWindow = Array.from({ length: 10 }, (_, i) => deliveredOrder(2 + i * 5));
    // …and what the rate leaves out: delivered 70 days ago, fulfilled by Walmart (WFS), shipped but not delivered.
    const tooOld = deliveredOrder(70);
    const wfs = deliveredOrder(5, { fulfillmentMethod: 'CHANNEL' });
    const notDelivered = anOrder({ orderedAt: ago(3), status: 'SHIPPED', channelUpdatedAt: ago(2) });
    await insertOrders(app, account, [...inWindow, tooOld, wfs, notDelivered]);

    const aReturn = (
      order: NormalizedOrder,
      rma: string,
      reasonCode: string,
      overrides: Partial<NormalizedReturn> = {},
      refunded = 0,
    ): NormalizedReturn => ({
      channel: 'WALMART',
      channelReturnId: rma,
      customerOrderId: null,
      channelOrderId: order.channelOrderId,
      status: refunded ? 'REFUNDED' : 'RECEIVED',
      requestedAt: ago(1.5),
      updatedAt: ago(0.5),
      returnType: 'REFUND',
      tracking: [],
      labelUrl: null,
      claim: false,
      currency: 'USD',
      raw: { fixture: rma },
      lines: [
        {
          returnLineNumber: '1',
          channelOrderId: order.channelOrderId,
          lineNumber: '1',
          sku: 'SKU-RR',
          productName: 'Return rate item',
          quantity: 1,
          quantityRefunded: refunded,
          reasonCode,
          status: refunded ? 'REFUNDED' : 'RECEIVED',
          receivedAt: ago(1),
          refundedAt: refunded ? ago(0.5) : null,
          refundedBy: refunded ? 'SELLER' : null,
          unitPriceCents: 1500,
          unitTaxCents: 120,
          refundedCents: null,
        },
      ],
      ...overrides,
    });
    const page = [
      aReturn(inWindow[0], 'RR-1', 'DAMAGED', {}, 1),
      aReturn(inWindow[3], 'RR-2', 'NO_LONGER_WANTED', {}, 1),
      aReturn(inWindow[7], 'RR-3', 'DEFECTIVE'),
      // Returned, but outside the rate: delivered too long ago, or WFS.
      aReturn(tooOld, 'RR-4', 'DAMAGED'),
      aReturn(wfs, 'RR-5', 'DAMAGED'),
      // A request the buyer cancelled before sending anything back is no return.
      aReturn(inWindow[9], 'RR-6', 'NO_LONGER_WANTED', {
        status: 'CLOSED',
        lines: [{ ...aReturn(inWindow[9], 'x', 'NO_LONGER_WANTED').lines[0], status: 'CLOSED', receivedAt: null }],
      }),
    ];
    const imported = await app.running.app.get(ReturnsService).importPage(account, { returns: page, rejected: [] });
    expect(imported.imported).toBe(page.length);

    const report = await app.gql(REPORT, { a: account.id, asOf: asOf.toISOString() });
    expect(report.errors).toBeUndefined();
    const section = report.data!.complianceReport.returns;
    const orderIds: { id: string; channelOrderId: string }[] = await app.ds.query(
      `SELECT id, channel_order_id AS "channelOrderId" FROM "order" WHERE account_id = $1`,
      [account.id],
    );
    const idOf = (o: NormalizedOrder) => orderIds.find((r) => r.channelOrderId === o.channelOrderId)!.id;
    expect(section.returnRate).toMatchObject({
      returned: 3,
      delivered: 10,
      percent: 30,
      threshold: 6,
      comparator: 'AT_MOST',
      status: 'FAILING',
    });
    expect(section.returnRate.returnedOrders.map((o: { orderId: string }) => o.orderId)).toEqual(
      // By delivery, oldest first: inWindow[7] was delivered 37 days ago, [3] 17, [0] 2.
      [inWindow[7], inWindow[3], inWindow[0]].map(idOf),
    );
    // Each refunded unit gave back its price and tax.
    expect(section.refundsByCategory).toEqual([
      { category: 'SELLER_FAULT', label: 'Seller fault', count: 1, amountCents: 1620 },
      { category: 'BUYER_REMORSE', label: 'Buyer remorse', count: 1, amountCents: 1620 },
      { category: 'OTHER', label: 'Other', count: 0, amountCents: 0 },
    ]);
    expect(section.byReason).toEqual([
      { reasonCode: 'DAMAGED', label: 'Damaged', category: 'SELLER_FAULT', count: 3, units: 3 },
      { reasonCode: 'DEFECTIVE', label: 'Defective', category: 'SELLER_FAULT', count: 1, units: 1 },
      { reasonCode: 'NO_LONGER_WANTED', label: 'No longer wanted', category: 'BUYER_REMORSE', count: 1, units: 1 },
    ]);
    expect(section.refundedByChannel).toMatchObject({ count: 0, amountCents: 0, returns: [] });

    // A received return refunded by the seller in time raises nothing; the unrefunded one warns once due.
    await alarms.scan(new Date(asOf.getTime() + 10 * HOUR), false);
    const raised: { kind: string; order_id: string }[] = await app.ds.query(
      `SELECT kind, order_id FROM alert WHERE resolved_at IS NULL AND account_id = $1 ORDER BY kind`,
      [account.id],
    );
    // Received a day ago: 48 − 24 − 10 = 14 h left, not yet due soon.
    expect(raised).toEqual([]);
    await alarms.scan(new Date(asOf.getTime() + 13 * HOUR), false);
    const dueSoon: { kind: string; order_id: string }[] = await app.ds.query(
      `SELECT kind, order_id FROM alert WHERE resolved_at IS NULL AND account_id = $1 ORDER BY order_id`,
      [account.id],
    );
    expect(dueSoon.map((a) => a.kind)).toEqual(['REFUND_DUE_SOON', 'REFUND_DUE_SOON', 'REFUND_DUE_SOON']);
    expect(dueSoon.map((a) => a.order_id).sort()).toEqual([inWindow[7], tooOld, wfs].map(idOf).sort());

    // The scan over the metric windows holds the return rate to its standard like the other metrics: 30% is failing.
    await alarms.scan(asOf, true);
    const [rateAlarm]: { kind: string; severity: string; message: string }[] = await app.ds.query(
      `SELECT kind, severity, message FROM alert WHERE resolved_at IS NULL AND condition_key = $1`,
      [`metric:${account.id}:RETURN_RATE`],
    );
    expect(rateAlarm).toMatchObject({ kind: 'COMPLIANCE_METRIC', severity: 'HIGH' });
    expect(rateAlarm.message).toMatch(
      /^Return rate \(delivered orders returned\) of .+ is failing: 30\.00% \(3 of 10 delivered orders, 60 days\) against AT_MOST 6% \(walmart-[\w-]+\)\.$/,
    );
  });
});

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
