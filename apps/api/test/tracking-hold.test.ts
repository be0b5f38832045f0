import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { CarrierEventRepository } from '../src/modules/carrier-events/carrier-event.repository';
import { TrackingHoldsService } from '../src/modules/carrier-tracking/holds/tracking-holds.service';
import { TrackerPollingService } from '../src/modules/carrier-tracking/trackers/tracker-polling.service';
import { DeliverOutboxJob } from '../src/modules/outbox/jobs/deliver-outbox.job';
import { settledOutbox } from './support/outbox-helpers';
import { firstWalmartLineStatus } from './support/sandbox-views';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { createScratchPostgres, testDatabases, type ScratchDatabase } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';
import { until } from './support/wait';

const HOUR = 3_600_000;
const WEBHOOK_SECRET = 'whsec_order_hub_hold_test';
const SHIP = `mutation($input: ShipmentInput!) { confirmShipment(input: $input) { shipment { id trackingNumber } outbox { id operation status } } }`;
const UPDATE_ACCOUNT = `mutation($id: ID!, $input: UpdateChannelAccountInput!) { updateChannelAccount(id: $id, input: $input) { id holdTrackingUntilScan } }`;
const HOLDS = `query($id: ID!) { order(id: $id) { status shipBy
  trackingHolds { shipmentId operation outboxEntryId trackingNumber carrier heldSince releaseBy releasedAt releaseReason }
  outbox { id operation status attempts nextAttemptAt } } }`;
const RELEASE = `mutation($id: ID!) { releaseTrackingHold(shipmentId: $id) { shipmentId releasedAt releaseReason } }`;
const UPDATE_TRACKING = `mutation($id: ID!, $input: TrackingUpdateInput!) { updateTracking(shipmentId: $id, input: $input) { outbox { id operation } } }`;
const CREATE_TOKEN = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`;

interface HoldView {
  shipmentId: string;
  operation: string;
  outboxEntryId: string;
  trackingNumber: string;
  carrier: string;
  heldSince: string;
  releaseBy: string;
  releasedAt: string | null;
  releaseReason: string | null;
}
interface OrderHolds {
  status: string;
  shipBy: string;
  trackingHolds: HoldView[];
  outbox: { id: string; operation: string; status: string; attempts: number; nextAttemptAt: string }[];
}

describe.each(testDatabases())('hold tracking until it scans (%s)', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let walmart: ConnectedAccount;
  let holds: TrackingHoldsService;
  // The hub's data outlives the process: the restart case starts a second one on it.
  let scratch: ScratchDatabase | undefined;
  let pgliteDir: string | undefined;
  const credentialsKey = randomBytes(32).toString('base64');

  const startHub = () =>
    startTestApp('pglite', {
      CHANNEL_RATE_SCALE: '1000',
      CREDENTIALS_KEY: credentialsKey,
      EASYPOST_API_KEY: sandbox.easypostApiKey,
      EASYPOST_WEBHOOK_SECRET: WEBHOOK_SECRET,
      EASYPOST_BASE_URL: sandbox.easypostBaseUrl,
      ...(scratch ? { DATABASE_URL: scratch.url } : { PGLITE_DIR: pgliteDir! }),
    });

  /** Stops the hub and starts another process on the same data; the first admin token still signs in. */
  async function restartHub(): Promise<void> {
    const token = app.adminToken;
    await app.running.close();
    rmSync(app.dataDir, { recursive: true, force: true });
    const next = await startHub();
    app = { ...next, adminToken: token, gql: (q, v = {}, t = token) => next.gql(q, v, t) };
    holds = app.running.app.get(TrackingHoldsService);
  }

  const orderHolds = async (id: string): Promise<OrderHolds> => {
    const res = await app.gql(HOLDS, { id });
    expect(res.errors).toBeUndefined();
    return res.data!.order as OrderHolds;
  };
  const walmartStatus = (po: string) => firstWalmartLineStatus(sandbox, po);
  const releaseAudits = async (orderId: string) =>
    app.ds.query<{ actor: string; reason: string }[]>(
      `SELECT actor, after->>'reason' AS reason FROM audit_event WHERE order_id = $1 AND action = 'shipment.tracking_hold_released'`,
      [orderId],
    );

  /** An acknowledged one-line Walmart order the hub has not acted on, due to ship `shipByInMs` from now. */
  async function anOrder(
    shipByInMs: number,
    cancellationRequested = false,
  ): Promise<{ id: string; po: string; line: string; shipBy: Date }> {
    const [row] = await app.ds.query(
      `SELECT o.id, o.channel_order_id AS po, min(l.line_number) AS line FROM "order" o JOIN order_line l ON l.order_id = o.id
        WHERE o.account_id = $1 AND o.status IN ('CREATED', 'ACKNOWLEDGED') AND o.fulfillment_method = 'MERCHANT'
          AND o.cancellation_requested = $2 AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.order_id = o.id)
        GROUP BY o.id HAVING count(*) = 1 AND sum(l.quantity_ordered) = 1 ORDER BY o.id LIMIT 1`,
      [walmart.hubId, cancellationRequested],
    );
    if (!row) throw new Error('No order left for the test');
    const shipBy = new Date(Date.now() + shipByInMs);
    await app.ds.query(`UPDATE "order" SET ship_by = $2 WHERE id = $1`, [row.id, shipBy]);
    return { ...row, shipBy };
  }

  async function ship(
    order: { id: string; line: string },
    number = validTrackingNumber('UPS'),
  ): Promise<{ shipmentId: string; trackingNumber: string }> {
    const res = await app.gql(SHIP, {
      input: {
        orderId: order.id,
        lines: [{ lineNumber: order.line, quantity: 1 }],
        carrier: 'UPS',
        trackingNumber: number,
        shippedAt: new Date().toISOString(),
      },
    });
    expect(res.errors).toBeUndefined();
    const { id, trackingNumber } = res.data!.confirmShipment.shipment;
    return { shipmentId: id, trackingNumber };
  }

  /** The held SHIP row is not due: the dispatcher's delivery job cannot take it, and Walmart still has it unshipped. */
  async function expectHeld(order: { id: string; po: string }): Promise<OrderHolds> {
    const view = await orderHolds(order.id);
    const shipRow = view.outbox.find((r) => r.operation === 'SHIP')!;
    expect(await app.running.app.get(DeliverOutboxJob).handle(shipRow.id)).toBe('SKIPPED');
    expect((await orderHolds(order.id)).outbox.find((r) => r.id === shipRow.id)).toMatchObject({
      status: 'PENDING',
      attempts: 0,
    });
    expect(walmartStatus(order.po).status).not.toBe('Shipped');
    return view;
  }

  async function expectConfirmedToWalmart(order: { id: string; po: string }, trackingNumber: string): Promise<void> {
    const rows = await settledOutbox(app, order.id);
    expect(rows.find((r) => r.operation === 'SHIP')).toMatchObject({ status: 'DELIVERED' });
    const line = walmartStatus(order.po);
    expect(line.status).toBe('Shipped');
    expect(line.trackingInfo?.trackingNumber).toBe(trackingNumber);
  }

  async function recordScan(shipmentId: string, orderId: string): Promise<void> {
    await app.running.app.get(CarrierEventRepository).record([
      {
        shipmentId,
        orderId,
        type: 'SCANNED',
        occurredAt: new Date(),
        source: 'TRACKING_PROVIDER',
        status: 'IN_TRANSIT',
      },
    ]);
  }

  /** The seller handed the parcel to UPS: the carrier (the sandbox's EasyPost) has it, not yet scanned. */
  async function handOver(trackingCode: string): Promise<void> {
    const res = await fetch(`${sandbox.controlBaseUrl}/easypost/parcels`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ carrier: 'UPS', trackingCode, shippedAt: sandbox.clock.now().toISOString() }),
    });
    expect(res.status).toBeLessThan(300);
  }
  const trackerOf = async (shipmentId: string) =>
    (
      await app.ds.query<{ provider_tracker_id: string | null; status: string | null; first_scan_at: Date | null }[]>(
        `SELECT provider_tracker_id, status, first_scan_at FROM shipment_tracker WHERE shipment_id = $1`,
        [shipmentId],
      )
    )[0];

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 1515, throttling: { rateScale: 1000 } });
    if (kind === 'postgres') scratch = await createScratchPostgres();
    else pgliteDir = mkdtempSync(join(tmpdir(), 'order-hub-hold-'));
    app = await startHub();
    holds = app.running.app.get(TrackingHoldsService);
    walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Hold Walmart');
    sandbox.generateOrders({
      accountId: walmart.sandboxAccountId,
      count: 12,
      seed: 15,
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 },
    });
    // The buyer asked to cancel this one: Walmart refuses to ship it without the override.
    sandbox.generateOrders({
      accountId: walmart.sandboxAccountId,
      count: 2,
      seed: 16,
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 1, channelFulfilled: 0 },
    });
    sandbox.clock.advance(3 * 60_000);
    expect((await syncAndWait(app, walmart.hubId)).lastError).toBeNull();
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
    await scratch?.drop();
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  });

  it('with the option off (the default) a confirmation goes to Walmart at once, with no hold', async () => {
    const accounts = (await app.gql(`{ channelAccounts { id holdTrackingUntilScan } }`)).data!.channelAccounts;
    expect(accounts).toEqual([{ id: walmart.hubId, holdTrackingUntilScan: false }]);
    const order = await anOrder(48 * HOUR);
    const { trackingNumber } = await ship(order);
    await expectConfirmedToWalmart(order, trackingNumber);
    expect((await orderHolds(order.id)).trackingHolds).toEqual([]);
  });

  it('only an ADMIN turns the option on', async () => {
    const operator = (await app.gql(CREATE_TOKEN, { input: { name: 'ops', role: 'OPERATOR' } })).data!.createApiToken
      .token as string;
    const refused = await app.gql(
      UPDATE_ACCOUNT,
      { id: walmart.hubId, input: { holdTrackingUntilScan: true } },
      operator,
    );
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const res = await app.gql(UPDATE_ACCOUNT, { id: walmart.hubId, input: { holdTrackingUntilScan: true } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateChannelAccount).toEqual({ id: walmart.hubId, holdTrackingUntilScan: true });
  });

  it("a held shipment is stored, shown shipped with its hold and tracked at once, and confirmed to Walmart only after the carrier's first scan", async () => {
    const order = await anOrder(48 * HOUR);
    const number = validTrackingNumber('UPS');
    await handOver(number);
    const { shipmentId, trackingNumber } = await ship(order, number);
    const held = await expectHeld(order);
    expect(held.status).toBe('SHIPPED');
    const releaseBy = new Date(order.shipBy.getTime() - 2 * HOUR).toISOString();
    expect(held.trackingHolds).toEqual([
      {
        shipmentId,
        operation: 'SHIP',
        outboxEntryId: held.outbox.find((r) => r.operation === 'SHIP')!.id,
        trackingNumber,
        carrier: 'UPS',
        heldSince: expect.any(String),
        releaseBy,
        releasedAt: null,
        releaseReason: null,
      },
    ]);
    // The held row waits for its deadline: even a dispatcher that never hears of the scan sends it then.
    expect(held.outbox.find((r) => r.operation === 'SHIP')!.nextAttemptAt).toBe(releaseBy);

    // The confirmation registered the parcel at the provider at once; the carrier has not scanned it yet.
    const registered = await until(
      'the held shipment followed at the provider',
      () => trackerOf(shipmentId),
      (t) => Boolean(t?.provider_tracker_id),
    );
    expect(registered).toMatchObject({ status: 'PRE_TRANSIT', first_scan_at: null });
    await expectHeld(order);

    // The sandbox's carrier scans it 6 hours after hand-over; polling hears of it and the hook releases the hold.
    sandbox.clock.advance(7 * HOUR);
    await app.running.app.get(TrackerPollingService).pollDue(new Date(Date.now() + 7 * 24 * HOUR));
    expect((await trackerOf(shipmentId)).first_scan_at).not.toBeNull();
    await expectConfirmedToWalmart(order, trackingNumber);
    const after = await orderHolds(order.id);
    expect(after.trackingHolds[0]).toMatchObject({ releaseReason: 'FIRST_SCAN', releasedAt: expect.any(String) });
    expect(await releaseAudits(order.id)).toEqual([{ actor: 'system:tracking-hold', reason: 'FIRST_SCAN' }]);
    // Another notice of the same scan finds nothing left to release.
    expect(await holds.firstScanSeen([shipmentId])).toBe(0);
  });

  it('held confirmations survive a restart; the sweep sends one whose scan was recorded without the hook, and one whose deadline came', async () => {
    const scanned = await anOrder(48 * HOUR);
    const first = await ship(scanned);
    const late = await anOrder(30 * HOUR);
    const second = await ship(late);
    await expectHeld(scanned);
    await expectHeld(late);

    await restartHub();
    await expectHeld(scanned);
    const stillHeld = await expectHeld(late);
    expect(stillHeld.trackingHolds).toEqual([
      expect.objectContaining({
        releaseBy: new Date(late.shipBy.getTime() - 2 * HOUR).toISOString(),
        releasedAt: null,
      }),
    ]);

    // The scan reached carrier_event but no hook ran (recorded while the hub was down, say): the sweep finds it.
    await recordScan(first.shipmentId, scanned.id);
    // Nothing is due yet at this time: only the scanned one goes.
    expect(await holds.sweep(new Date())).toEqual({ firstScan: 1, deadline: 0 });
    await expectConfirmedToWalmart(scanned, first.trackingNumber);
    expect((await orderHolds(scanned.id)).trackingHolds[0].releaseReason).toBe('FIRST_SCAN');
    await expectHeld(late);

    // At ship-by less 2 hours, no scan: it goes so the order is not late.
    expect(await holds.sweep(new Date(late.shipBy.getTime() - 2 * HOUR))).toEqual({ firstScan: 0, deadline: 1 });
    await expectConfirmedToWalmart(late, second.trackingNumber);
    expect((await orderHolds(late.id)).trackingHolds[0].releaseReason).toBe('DEADLINE');
    expect(await releaseAudits(late.id)).toEqual([{ actor: 'system:tracking-hold', reason: 'DEADLINE' }]);
  });

  it('a ship-by already within the margin sends at once, with no hold', async () => {
    const order = await anOrder(HOUR);
    const { trackingNumber } = await ship(order);
    await expectConfirmedToWalmart(order, trackingNumber);
    expect((await orderHolds(order.id)).trackingHolds).toEqual([]);
  });

  it('an operator confirms a held shipment now (MANUAL); a viewer may not, and a released or unknown hold is refused', async () => {
    const order = await anOrder(48 * HOUR);
    const { shipmentId, trackingNumber } = await ship(order);
    await expectHeld(order);
    const viewer = (await app.gql(CREATE_TOKEN, { input: { name: 'bi', role: 'VIEWER' } })).data!.createApiToken
      .token as string;
    expect((await app.gql(RELEASE, { id: shipmentId }, viewer)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    await expectHeld(order);

    const res = await app.gql(RELEASE, { id: shipmentId });
    expect(res.errors).toBeUndefined();
    expect(res.data!.releaseTrackingHold).toEqual([
      { shipmentId, releasedAt: expect.any(String), releaseReason: 'MANUAL' },
    ]);
    await expectConfirmedToWalmart(order, trackingNumber);
    const [audit] = await app.ds.query(
      `SELECT actor FROM audit_event WHERE order_id = $1 AND action = 'shipment.tracking_hold_released'`,
      [order.id],
    );
    expect(audit.actor).toMatch(/\S/);
    expect(audit.actor).not.toBe('system:tracking-hold');

    const again = await app.gql(RELEASE, { id: shipmentId });
    expect(again.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringContaining('MANUAL'),
    });
    const unknown = await app.gql(RELEASE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const bad = await app.gql(RELEASE, { id: 'not-an-id' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('a correction waits with its held shipment and goes out with it; once Walmart has a number, a correction goes at once', async () => {
    const order = await anOrder(48 * HOUR);
    const { shipmentId, trackingNumber } = await ship(order);
    await expectHeld(order);
    const corrected = validTrackingNumber('UPS');
    const fix = await app.gql(UPDATE_TRACKING, {
      id: shipmentId,
      input: { carrier: 'UPS', trackingNumber: corrected },
    });
    expect(fix.errors).toBeUndefined();
    const held = await orderHolds(order.id);
    const releaseBy = new Date(order.shipBy.getTime() - 2 * HOUR).toISOString();
    expect(held.trackingHolds.map((h) => [h.operation, h.trackingNumber, h.releaseBy, h.releasedAt])).toEqual([
      ['SHIP', trackingNumber, releaseBy, null],
      ['UPDATE_TRACKING', corrected, releaseBy, null],
    ]);
    const correction = held.outbox.find((r) => r.operation === 'UPDATE_TRACKING')!;
    expect(await app.running.app.get(DeliverOutboxJob).handle(correction.id)).toBe('SKIPPED');

    // The scan of the number it replaces does not release it: that parcel is not the one Walmart will be told of.
    await recordScan(shipmentId, order.id);
    expect(await holds.sweep(new Date())).toEqual({ firstScan: 0, deadline: 0 });
    await expectHeld(order);

    const res = await app.gql(RELEASE, { id: shipmentId });
    expect(res.data!.releaseTrackingHold.map((h: { releaseReason: string }) => h.releaseReason)).toEqual([
      'MANUAL',
      'MANUAL',
    ]);
    await expectConfirmedToWalmart(order, corrected);
    const settled = (await settledOutbox(app, order.id)).filter((r) => r.operation !== 'ACKNOWLEDGE');
    expect(settled.map((r) => [r.operation, r.status])).toEqual([
      ['SHIP', 'DELIVERED'],
      ['UPDATE_TRACKING', 'DELIVERED'],
    ]);

    const again = validTrackingNumber('UPS');
    const late = await app.gql(UPDATE_TRACKING, { id: shipmentId, input: { carrier: 'UPS', trackingNumber: again } });
    expect(late.errors).toBeUndefined();
    await expectConfirmedToWalmart(order, again);
    expect((await orderHolds(order.id)).trackingHolds).toHaveLength(2);
  });

  it("Walmart's refusal of a released confirmation surfaces as any refusal: a FAILED entry and the order back to what Walmart holds", async () => {
    const order = await anOrder(48 * HOUR, true);
    const { shipmentId } = await ship(order);
    await expectHeld(order);
    expect((await app.gql(RELEASE, { id: shipmentId })).errors).toBeUndefined();
    const rows = await settledOutbox(app, order.id);
    expect(rows.find((r) => r.operation === 'SHIP')).toMatchObject({ status: 'FAILED' });
    const refused = await app.gql(
      `query($id: ID!) { order(id: $id) { status shipments { id } channelRefusals { state operation } } }`,
      { id: order.id },
    );
    expect(refused.data!.order).toEqual({
      status: 'ACKNOWLEDGED',
      shipments: [],
      channelRefusals: [{ state: 'REJECTED', operation: 'SHIP' }],
    });
    expect(walmartStatus(order.po).status).not.toBe('Shipped');
    expect(await releaseAudits(order.id)).toEqual([{ actor: expect.any(String), reason: 'MANUAL' }]);
  });
});
