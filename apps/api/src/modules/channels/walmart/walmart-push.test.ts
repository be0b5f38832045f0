import { createHmac } from 'node:crypto';
import { type Sandbox, createSandbox } from '@order-hub/sandbox';
import { PushParseError } from 'src/modules/channels/channel-push';
import { type WebhookSink, startWebhookSink } from '../../../../test/support/webhook-sink';
import { WalmartAdapter } from './walmart.adapter';
import { WALMART_SIGNATURE_HEADER, parseWalmartPush, verifyWalmartSignature } from './walmart-push';

const SECRET = 'a3f1c0de9b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817060504';
const SINGLE = { mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 } };

describe('Walmart pushes: subscription through the Notifications API, signature and parsing of real deliveries', () => {
  let sandbox: Sandbox;
  let sink: WebhookSink;
  let adapter: WalmartAdapter;
  let accountId: string;
  const target = () => ({ webhookUrl: sink.url, webhookSecret: SECRET, queueArn: null });
  const delivered = (pred: (json: any) => boolean) => sink.waitFor((r) => r.json && pred(r.json));

  beforeAll(async () => {
    sandbox = await createSandbox({ clock: new Date('2026-12-04T09:00:00.000Z'), throttling: false });
    sink = await startWebhookSink();
    const creds = sandbox.createAccount('WALMART');
    accountId = creds.accountId;
    adapter = new WalmartAdapter(sandbox.walmartBaseUrl, creds);
  });
  afterAll(async () => {
    await sink.close();
    await sandbox.close();
  });

  it('subscribes ORDER_UPDATES with HMAC, and a new order arrives signed, read as ORDER_CREATED', async () => {
    const ref = await adapter.push.subscribe(target());
    expect(ref).toEqual({ subscriptionIds: [expect.any(String)], destinationId: null, accountKey: null });
    const [po] = sandbox.generateOrders({ accountId, count: 1, seed: 11, ...SINGLE }).orderIds;
    const got = await delivered((j) => j.payload?.order?.purchaseOrderId === po);
    const raw = Buffer.from(got.body);
    expect(verifyWalmartSignature(got.headers, raw, SECRET)).toBe(true);
    const base64 = createHmac('sha256', SECRET).update(raw).digest('base64');
    expect(verifyWalmartSignature({ [WALMART_SIGNATURE_HEADER.toLowerCase()]: base64 }, raw, SECRET)).toBe(true);
    expect(verifyWalmartSignature(got.headers, raw, `${SECRET}0`)).toBe(false);
    expect(verifyWalmartSignature(got.headers, Buffer.from(got.body.replace(po, `${po}1`)), SECRET)).toBe(false);
    expect(verifyWalmartSignature({}, raw, SECRET)).toBe(false);
    expect(parseWalmartPush(got.json)).toEqual({
      accountKey: null,
      events: [
        {
          eventId: got.json.source.eventId,
          kind: 'ORDER_CREATED',
          channelOrderId: po,
          mcfOrderId: null,
          occurredAt: new Date('2026-12-04T09:00:00.000Z'),
        },
      ],
    });
  });

  it('reads an intent to cancel and a fraud cancel as CANCEL_REQUESTED and FRAUD_CANCELLED', async () => {
    const [po] = sandbox.generateOrders({
      accountId,
      count: 1,
      seed: 12,
      mix: { ...SINGLE.mix, intentToCancel: 1 },
    }).orderIds;
    const intent = await delivered((j) => j.payload?.subEventType === 'INTENT_TO_CANCEL');
    expect(parseWalmartPush(intent.json).events[0]).toMatchObject({ kind: 'CANCEL_REQUESTED', channelOrderId: po });
    const res = await fetch(`${sandbox.controlBaseUrl}/walmart/orders/${po}/fraud-cancel`, { method: 'POST' });
    expect(res.status).toBe(200);
    const fraud = await delivered((j) => j.payload?.subEventType === 'FRAUD_CANCEL');
    expect(parseWalmartPush(fraud.json).events[0]).toMatchObject({ kind: 'FRAUD_CANCELLED', channelOrderId: po });
  });

  it("sends Walmart's test event, read as TEST without an order", async () => {
    await adapter.push.sendTest({ subscriptionIds: [], destinationId: null, accountKey: null }, target());
    const test = await delivered((j) => j.payload && j.payload.order === undefined);
    expect(verifyWalmartSignature(test.headers, Buffer.from(test.body), SECRET)).toBe(true);
    expect(parseWalmartPush(test.json).events).toEqual([
      expect.objectContaining({ kind: 'TEST', channelOrderId: null, eventId: test.json.source.eventId }),
    ]);
  });

  it('names what is missing in a delivery it cannot read, and reads other sub-events as ORDER_CHANGED', () => {
    const good = {
      source: { eventType: 'ORDER_UPDATES', eventVersion: 'V1', eventTime: '2026-12-04T09:00:00Z', eventId: 'e-1' },
      payload: { subEventType: 'PO_SHIPPED', order: { purchaseOrderId: '108' } },
    };
    expect(parseWalmartPush(good).events[0].kind).toBe('ORDER_CHANGED');
    const cases: [unknown, string][] = [
      ['not json', 'body is missing or not an object'],
      [{ payload: good.payload }, 'source is missing or not an object'],
      [{ ...good, source: { ...good.source, eventId: '' } }, 'source.eventId is missing'],
      [{ ...good, source: { ...good.source, eventTime: 'yesterday' } }, 'source.eventTime is not a date-time'],
      [{ source: good.source }, 'payload is missing or not an object'],
      [{ ...good, payload: { subEventType: 'PO_CREATED', order: {} } }, 'payload.order.purchaseOrderId is missing'],
    ];
    for (const [body, reason] of cases) {
      expect(() => parseWalmartPush(body)).toThrow(new PushParseError(reason));
    }
  });

  it('unsubscribes, and a subscription already gone is not an error', async () => {
    const ref = await adapter.push.subscribe(target());
    await adapter.push.unsubscribe(ref);
    await expect(adapter.push.unsubscribe(ref)).resolves.toBeUndefined();
    const listed = await adapter.client.get('webhooks', '/v3/webhooks/subscriptions');
    expect((listed.body as { events: unknown[] }).events).toEqual([]);
    expect(sandbox.contractViolations()).toMatchObject({ requestsRefused: 0, responseViolations: 0 });
  });
});
