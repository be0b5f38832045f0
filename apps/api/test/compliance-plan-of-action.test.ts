import type { CarrierCode, NormalizedOrder } from '@order-hub/types';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { SkuCategoriesService } from '../src/modules/catalog/sku-categories.service';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const AS_OF = new Date('2026-11-20T00:00:00Z');
const at = (ms: number) => new Date(AS_OF.getTime() + ms);
const iso = (ms: number) => at(ms).toISOString();

function shipped(
  po: string,
  carrier: CarrierCode | 'USPS',
  trackingNumber: string | null,
  shippedAt: Date,
  shipBy: Date,
  sku = 'SKU-TEST',
): NormalizedOrder {
  const orderedAt = new Date(shipBy.getTime() - 2 * DAY);
  const base = anOrder({ channelOrderId: po, orderedAt, acknowledgedAt: orderedAt, shipBy, status: 'SHIPPED' });
  return {
    ...base,
    channelUpdatedAt: base.orderedAt,
    lines: base.lines.map((l) => ({ ...l, sku, quantityShipped: 1, status: 'SHIPPED' })),
    shipments: [
      {
        carrier,
        service: null,
        trackingNumber,
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
  };
}

const PLAN = `query ($channel: Channel!, $accountId: ID, $metric: ComplianceMetricKey!, $category: String, $windowEnd: DateTime) {
  planOfAction(channel: $channel, accountId: $accountId, metric: $metric, category: $category, windowEnd: $windowEnd) {
    channel accountId metric category windowEnd
    metricReport { value numerator denominator status }
    affectedOrders
    causes { cause reason orderCount orderIds channelOrderIds firstAt lastAt maxLateHours }
    controls { code }
    draft { rootCause correctiveActions preventiveMeasures }
    saved { rootCause correctiveActions preventiveMeasures updatedBy updatedAt }
  } }`;
const SAVE = `mutation ($input: PlanOfActionInput!) { savePlanOfAction(input: $input) { saved { rootCause correctiveActions preventiveMeasures updatedBy } draft { rootCause } } }`;

describe.each(testDatabases())('plan of action on %s', (kind) => {
  let app: TestApp;
  let walmart: ChannelAccountEntity;
  let amazon: ChannelAccountEntity;
  let operatorToken: string;
  let viewerToken: string;
  const id: Record<string, string> = {};

  async function add(account: ChannelAccountEntity, orders: NormalizedOrder[]) {
    const ids = await insertOrders(app, account, orders);
    orders.forEach((o, i) => (id[o.channelOrderId] = ids[i]));
  }
  const plan = (variables: Record<string, unknown>, token?: string) =>
    app.gql(PLAN, { windowEnd: AS_OF.toISOString(), ...variables }, token);

  beforeAll(async () => {
    app = await startTestApp(kind);
    walmart = await anAccount(app, 'WALMART', 'UTC');
    amazon = await anAccount(app, 'AMAZON', 'UTC');
    await add(walmart, [
      shipped('W-VALID', 'UPS', validTrackingNumber('UPS'), at(-5 * DAY), at(-5 * DAY + 2 * HOUR)),
      shipped('W-NONE', 'UPS', null, at(-4 * DAY), at(-4 * DAY + 2 * HOUR)),
      shipped('W-TYPO', 'UPS', '1Z999AA10123456785', at(-3 * DAY), at(-3 * DAY + 2 * HOUR)),
      shipped('W-CARRIER', 'USPS', validTrackingNumber('UPS'), at(-2 * DAY), at(-2 * DAY + 2 * HOUR)),
      shipped('W-LATE', 'UPS', validTrackingNumber('UPS'), at(-6 * DAY + 30 * HOUR), at(-6 * DAY)),
      anOrder({
        channelOrderId: 'W-ACK-LATE',
        orderedAt: at(-10 * DAY),
        acknowledgedAt: at(-10 * DAY + 6 * HOUR),
        shipBy: at(2 * DAY),
      }),
      {
        ...anOrder({
          channelOrderId: 'W-CANCELLED',
          orderedAt: at(-7 * DAY),
          acknowledgedAt: at(-7 * DAY),
          shipBy: at(-5 * DAY),
          status: 'CANCELLED',
        }),
        channelUpdatedAt: at(-6 * DAY),
      },
    ]);
    // W-TYPO's number was last changed 26 hours after its ship-by.
    await app.ds.query(
      `INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, order_id, after)
       SELECT $1, 'token:supplier-feed', 'shipment.tracking_updated', 'shipment', s.id, s.order_id, '{}' FROM shipment s WHERE s.order_id = $2`,
      [at(-3 * DAY + 28 * HOUR), id['W-TYPO']],
    );
    await app.ds.query(
      `INSERT INTO outbox (account_id, order_id, operation, payload, idempotency_key, status, next_attempt_at, created_by, created_at, delivered_at)
       VALUES ($1, $2, 'CANCEL', $3, 'poa-test:cancel', 'DELIVERED', $4, 'token:ops', $4, $4)`,
      [
        walmart.id,
        id['W-CANCELLED'],
        JSON.stringify({ lines: [{ lineNumber: '1', quantity: 1, reason: 'SELLER_CANCEL_OUT_OF_STOCK' }] }),
        at(-6 * DAY),
      ],
    );
    await app.ds.query(
      `INSERT INTO outbox (account_id, order_id, operation, payload, idempotency_key, status, next_attempt_at, created_by, created_at, delivered_at)
       VALUES ($1, $2, 'REFUND', $3, 'poa-test:refund', 'DELIVERED', $4, 'token:ops', $4, $4)`,
      [
        walmart.id,
        id['W-VALID'],
        JSON.stringify({ lines: [{ lineNumber: '1', amountCents: 100, reason: 'DamagedItem' }] }),
        at(-DAY),
      ],
    );

    await app.running.app.get(SkuCategoriesService).set(amazon.id, [{ sku: 'SKU-TOY', category: 'Toys' }], 'test');
    await add(amazon, [
      shipped('A-TOY-NONE', 'UPS', null, at(-2 * DAY), at(-2 * DAY + HOUR), 'SKU-TOY'),
      shipped('A-BOOK-VALID', 'UPS', validTrackingNumber('UPS'), at(-2 * DAY), at(-2 * DAY + HOUR), 'SKU-BOOK'),
      anOrder({ channelOrderId: 'A-UNSHIPPED', orderedAt: at(-5 * DAY), shipBy: at(-3 * DAY), status: 'ACKNOWLEDGED' }),
      {
        ...shipped('A-LATE-DELIVERY', 'UPS', validTrackingNumber('UPS'), at(-6 * DAY), at(-6 * DAY + HOUR)),
        deliverBy: at(-4 * DAY),
      },
    ]);
    await app.ds.query(
      `INSERT INTO carrier_event (shipment_id, order_id, type, event_key, occurred_at, source) SELECT s.id, s.order_id, 'DELIVERED', 'DELIVERED', $2, 'CHANNEL' FROM shipment s WHERE s.order_id = $1`,
      [id['A-LATE-DELIVERY'], at(-3 * DAY)],
    );

    // The carrier scanned every well-formed number: valid tracking turns on the format alone here.
    await app.ds.query(
      `INSERT INTO carrier_event (shipment_id, order_id, type, event_key, occurred_at, source)
       SELECT s.id, s.order_id, 'SCANNED', 'SCANNED', s.shipped_at + interval '6 hours', 'TRACKING_PROVIDER' FROM shipment s
        WHERE s.order_id = ANY($1::uuid[])`,
      [['W-VALID', 'W-LATE', 'A-BOOK-VALID', 'A-LATE-DELIVERY'].map((po) => id[po])],
    );

    const token = async (name: string, role: string) =>
      (await app.gql(`mutation { createApiToken(input: { name: "${name}", role: ${role} }) { token } }`)).data!
        .createApiToken.token as string;
    operatorToken = await token('ops', 'OPERATOR');
    viewerToken = await token('viewer', 'VIEWER');
  });
  afterAll(() => app?.close());

  it('valid tracking: each invalid shipment by cause (rules check), late supplier tracking, the dates, and the tracking controls', async () => {
    const res = await plan({ channel: 'WALMART', accountId: walmart.id, metric: 'VALID_TRACKING_RATE' }, viewerToken);
    expect(res.errors).toBeUndefined();
    const p = res.data!.planOfAction;
    expect(p).toMatchObject({
      channel: 'WALMART',
      accountId: walmart.id,
      metric: 'VALID_TRACKING_RATE',
      category: null,
      windowEnd: AS_OF.toISOString(),
      saved: null,
    });
    expect(p.metricReport).toEqual({ value: 40, numerator: 2, denominator: 5, status: 'FAILING' });
    expect(p.affectedOrders).toBe(3);
    expect(p.causes).toEqual([
      {
        cause: 'NO_TRACKING',
        reason: null,
        orderCount: 1,
        orderIds: [id['W-NONE']],
        channelOrderIds: ['W-NONE'],
        firstAt: iso(-4 * DAY),
        lastAt: iso(-4 * DAY),
        maxLateHours: null,
      },
      {
        cause: 'INVALID_FORMAT',
        reason: null,
        orderCount: 1,
        orderIds: [id['W-TYPO']],
        channelOrderIds: ['W-TYPO'],
        firstAt: iso(-3 * DAY),
        lastAt: iso(-3 * DAY),
        maxLateHours: null,
      },
      {
        cause: 'WRONG_CARRIER',
        reason: null,
        orderCount: 1,
        orderIds: [id['W-CARRIER']],
        channelOrderIds: ['W-CARRIER'],
        firstAt: iso(-2 * DAY),
        lastAt: iso(-2 * DAY),
        maxLateHours: null,
      },
      {
        cause: 'LATE_SUPPLIER_TRACKING',
        reason: null,
        orderCount: 1,
        orderIds: [id['W-TYPO']],
        channelOrderIds: ['W-TYPO'],
        firstAt: iso(-3 * DAY + 28 * HOUR),
        lastAt: iso(-3 * DAY + 28 * HOUR),
        maxLateHours: 26,
      },
    ]);
    expect(p.controls.map((c: { code: string }) => c.code)).toEqual([
      'SHIP_TIME_TRACKING_VALIDATION',
      'TRACKING_REUSE_CHECK',
      'CARRIER_RESTRICTIONS',
      'CARRIER_SCAN_ALARMS',
      'CHANNEL_CALL_MONITORING',
      'METRIC_ALARM',
    ]);
    expect(p.draft.rootCause.split('\n')).toEqual([
      expect.stringMatching(
        /^Valid tracking rate was 40\.00% for \d{4}-\d{2}-\d{2} to 2026-11-19 against the standard of at least \d+% \(policy walmart-[\d-]+\)\. 3 order\(s\) counted against it:$/,
      ),
      '- Shipped without a tracking number: 1 order(s), on 2026-11-16: W-NONE.',
      "- Tracking number fails the carrier's format or check digit: 1 order(s), on 2026-11-17: W-TYPO.",
      '- Tracking number belongs to another carrier than the one confirmed: 1 order(s), on 2026-11-18: W-CARRIER.',
      '- Tracking added or changed after the ship-by date (late from the supplier): 1 order(s), on 2026-11-18, up to 26 h late: W-TYPO.',
      'Where these shipments came from:',
      "3 of 3 invalid shipments failed the carrier's format or had no number; all came from a confirmation made outside the hub, imported from Walmart.",
      '- A confirmation made outside the hub, imported from Walmart: 3 shipment(s) (3 invalid format): W-CARRIER, W-NONE, W-TYPO.',
    ]);
    expect(p.draft.correctiveActions.split('\n')).toHaveLength(4);
    expect(p.draft.preventiveMeasures).toContain('tracking number checked before it is sent');
  });

  it('late shipment, on-time shipment and delivery, acknowledgement: how late each order was; cancellations and refunds by reason', async () => {
    const onTime = (await plan({ channel: 'WALMART', accountId: walmart.id, metric: 'ON_TIME_SHIPMENT_RATE' })).data!
      .planOfAction;
    expect(onTime.causes).toEqual([
      {
        cause: 'LATE_SHIPMENT',
        reason: null,
        orderCount: 1,
        orderIds: [id['W-LATE']],
        channelOrderIds: ['W-LATE'],
        firstAt: iso(-6 * DAY),
        lastAt: iso(-6 * DAY),
        maxLateHours: 30,
      },
    ]);
    expect(onTime.controls.map((c: { code: string }) => c.code)).toContain('SHIP_BY_ALARMS');

    // Not shipped by the window end: late by the time from ship-by to the end.
    const lsr = (await plan({ channel: 'AMAZON', metric: 'LATE_SHIPMENT_RATE_10D' })).data!.planOfAction;
    expect(lsr.causes).toEqual([
      {
        cause: 'LATE_SHIPMENT',
        reason: null,
        orderCount: 1,
        orderIds: [id['A-UNSHIPPED']],
        channelOrderIds: ['A-UNSHIPPED'],
        firstAt: iso(-3 * DAY),
        lastAt: iso(-3 * DAY),
        maxLateHours: 72,
      },
    ]);
    expect(lsr.draft.rootCause).toContain(
      '- Shipped after the ship-by date, or not shipped by the window end: 1 order(s), on 2026-11-17, up to 3 d 0 h late: A-UNSHIPPED.',
    );

    // Delivered a day after the promised date (the DELIVERED carrier event).
    const otd = (await plan({ channel: 'AMAZON', metric: 'ON_TIME_DELIVERY_RATE' })).data!.planOfAction;
    expect(otd.causes).toEqual([
      {
        cause: 'LATE_DELIVERY',
        reason: null,
        orderCount: 1,
        orderIds: [id['A-LATE-DELIVERY']],
        channelOrderIds: ['A-LATE-DELIVERY'],
        firstAt: iso(-4 * DAY),
        lastAt: iso(-4 * DAY),
        maxLateHours: 24,
      },
    ]);

    const cancels = (await plan({ channel: 'WALMART', metric: 'CANCELLATION_RATE' })).data!.planOfAction;
    expect(cancels.causes).toEqual([
      {
        cause: 'CANCELLATION',
        reason: 'SELLER_CANCEL_OUT_OF_STOCK',
        orderCount: 1,
        orderIds: [id['W-CANCELLED']],
        channelOrderIds: ['W-CANCELLED'],
        firstAt: iso(-6 * DAY),
        lastAt: iso(-6 * DAY),
        maxLateHours: null,
      },
    ]);
    expect(cancels.controls.map((c: { code: string }) => c.code)).toContain('AUTO_CANCEL_ALARM');

    const refunds = (await plan({ channel: 'WALMART', metric: 'REFUND_RATE' })).data!.planOfAction;
    expect(
      refunds.causes.map((c: { cause: string; reason: string; channelOrderIds: string[] }) => [
        c.cause,
        c.reason,
        c.channelOrderIds,
      ]),
    ).toEqual([['REFUND', 'DamagedItem', ['W-VALID']]]);

    // Acknowledged 6 hours after the order, against Walmart's 4 hours.
    const ack = (await plan({ channel: 'WALMART', metric: 'ACKNOWLEDGEMENT_RATE' })).data!.planOfAction;
    expect(ack.causes).toEqual([
      {
        cause: 'LATE_ACKNOWLEDGEMENT',
        reason: null,
        orderCount: 1,
        orderIds: [id['W-ACK-LATE']],
        channelOrderIds: ['W-ACK-LATE'],
        firstAt: iso(-10 * DAY + 4 * HOUR),
        lastAt: iso(-10 * DAY + 4 * HOUR),
        maxLateHours: 2,
      },
    ]);
    expect(ack.controls.map((c: { code: string }) => c.code)).toContain('ACKNOWLEDGEMENT_ALARMS');
  });

  it("a category's plan names only that category's orders, and says so when it has none", async () => {
    const toys = (
      await plan({ channel: 'AMAZON', accountId: amazon.id, metric: 'VALID_TRACKING_RATE', category: 'Toys' })
    ).data!.planOfAction;
    expect(toys.category).toBe('Toys');
    expect(toys.causes.map((c: { cause: string; channelOrderIds: string[] }) => [c.cause, c.channelOrderIds])).toEqual([
      ['NO_TRACKING', ['A-TOY-NONE']],
    ]);
    expect(toys.draft.rootCause).toContain('Valid tracking rate (category Toys) was 0.00%');

    const other = (
      await plan({ channel: 'AMAZON', accountId: amazon.id, metric: 'VALID_TRACKING_RATE', category: 'Uncategorized' })
    ).data!.planOfAction;
    expect(other.causes).toEqual([]);
    expect(other.affectedOrders).toBe(0);
    expect(other.draft.rootCause).toContain("The hub's data shows no order counted against it in this window.");
  });

  it('savePlanOfAction keeps the operator text per metric and day; planOfAction returns it with a fresh draft', async () => {
    const scope = {
      channel: 'WALMART',
      accountId: walmart.id,
      metric: 'VALID_TRACKING_RATE',
      windowEnd: at(5 * HOUR).toISOString(),
    };
    const text = {
      rootCause: 'Our supplier, "Acme", typed numbers by hand.',
      correctiveActions: 'Corrected W-TYPO.',
      preventiveMeasures: 'Scanner at the packing bench.',
    };
    const saved = await app.gql(SAVE, { input: { ...scope, ...text } }, operatorToken);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.savePlanOfAction.saved).toEqual({ ...text, updatedBy: 'token:ops' });
    await app.gql(
      SAVE,
      { input: { ...scope, ...text, correctiveActions: 'Corrected W-TYPO and W-CARRIER.' } },
      operatorToken,
    );

    // Any instant of the same UTC day finds it.
    const again = (await plan({ channel: 'WALMART', accountId: walmart.id, metric: 'VALID_TRACKING_RATE' })).data!
      .planOfAction;
    expect(again.saved).toMatchObject({
      ...text,
      correctiveActions: 'Corrected W-TYPO and W-CARRIER.',
      updatedBy: 'token:ops',
    });
    expect(again.draft.rootCause).toContain('W-NONE');
    expect(await app.ds.query(`SELECT count(*)::int AS n FROM plan_of_action`)).toEqual([{ n: 1 }]);

    const otherScope = await plan({ channel: 'WALMART', metric: 'VALID_TRACKING_RATE' });
    expect(otherScope.data!.planOfAction.saved).toBeNull();
    const otherDay = await plan({
      channel: 'WALMART',
      accountId: walmart.id,
      metric: 'VALID_TRACKING_RATE',
      windowEnd: at(-DAY).toISOString(),
    });
    expect(otherDay.data!.planOfAction.saved).toBeNull();
  });

  it('refuses a viewer saving, bad input and a metric the channel does not have, naming the field', async () => {
    const input = {
      channel: 'WALMART',
      metric: 'VALID_TRACKING_RATE',
      rootCause: 'x',
      correctiveActions: 'y',
      preventiveMeasures: 'z',
    };
    expect((await app.gql(SAVE, { input }, viewerToken)).errors![0].extensions.code).toBe('FORBIDDEN');
    const empty = await app.gql(SAVE, { input: { ...input, rootCause: '   ' } }, operatorToken);
    expect(empty.errors![0]).toMatchObject({
      message: 'input.rootCause: must not be empty.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.rootCause' },
    });
    const badAccount = await plan({ channel: 'WALMART', accountId: 'nope', metric: 'VALID_TRACKING_RATE' });
    expect(badAccount.errors![0]).toMatchObject({
      message: 'accountId: must be an id returned by the API (a UUID).',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const notWalmart = await plan({ channel: 'WALMART', metric: 'LATE_SHIPMENT_RATE_10D' });
    expect(notWalmart.errors![0]).toMatchObject({
      message: 'metric: LATE_SHIPMENT_RATE_10D is not a WALMART metric.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const noCategory = await plan({ channel: 'AMAZON', metric: 'VALID_TRACKING_RATE', category: 'Garden' });
    expect(noCategory.errors![0]).toMatchObject({
      message: 'category: VALID_TRACKING_RATE has no figures for category "Garden" in this window.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  // Last: its account's orders would change the channel-wide figures above.
  it('a refund made outside the hub is listed under the reason Walmart gives on the line; a customer-reason one is not against the seller', async () => {
    const account = await anAccount(app, 'WALMART', 'America/New_York');
    const refunded = (po: string, refundReason: string): NormalizedOrder => {
      const o = shipped(po, 'UPS', validTrackingNumber('UPS'), at(-5 * DAY), at(-5 * DAY + 2 * HOUR));
      return {
        ...o,
        channelUpdatedAt: at(-2 * DAY),
        lines: o.lines.map((l) => ({ ...l, quantityRefunded: 1, status: 'REFUNDED', refundReason })),
      };
    };
    await add(account, [refunded('W-DEFECTIVE', 'DefectiveItem'), refunded('W-CHANGED-MIND', 'CustomerChangedMind')]);
    const p = (await plan({ channel: 'WALMART', accountId: account.id, metric: 'REFUND_RATE' })).data!.planOfAction;
    expect(p.metricReport).toMatchObject({ numerator: 1, denominator: 2 });
    expect(
      p.causes.map((c: { cause: string; reason: string; channelOrderIds: string[] }) => [
        c.cause,
        c.reason,
        c.channelOrderIds,
      ]),
    ).toEqual([['REFUND', 'DefectiveItem', ['W-DEFECTIVE']]]);
  });
});
