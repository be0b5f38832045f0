import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const CHECK = `query Check($carrier: String!, $trackingNumber: String!) {
  trackingNumberCheck(carrier: $carrier, trackingNumber: $trackingNumber) {
    valid normalized format hasCheckDigit matchingCarriers violations { code severity field message details }
  }
}`;

const VALIDATE = `query Validate($input: ShipmentInput!) {
  validateShipment(input: $input) { ok violations { code severity field message details } }
}`;

const HOUR = 3_600_000;

describe.each(testDatabases())('rules api on %s', (kind) => {
  let app: TestApp;
  let walmartOrderId: string;
  let otherShipmentId: string;
  let otherOrderId: string;
  let amazonOrderId: string;

  beforeAll(async () => {
    app = await startTestApp(kind);
    const walmart = await anAccount(app, 'WALMART');
    const amazon = await anAccount(app, 'AMAZON');
    const orderedAt = new Date(Date.now() - 2 * 24 * HOUR);
    const line = (lineNumber: string, quantityOrdered: number, quantityShipped = 0) => ({
      lineNumber,
      sku: `SKU-${lineNumber}`,
      title: 'Item',
      quantityOrdered,
      quantityShipped,
      quantityCancelled: 0,
      quantityRefunded: 0,
      unitPriceCents: 1000,
      status: quantityShipped === quantityOrdered ? ('SHIPPED' as const) : ('ACKNOWLEDGED' as const),
      cancellationRequested: false,
    });
    [walmartOrderId] = await insertOrders(app, walmart, [
      anOrder({
        channelOrderId: '108829135472',
        customerOrderId: '200014839201',
        orderedAt,
        lines: [line('1', 2), line('2', 1)],
      }),
    ]);
    [otherOrderId] = await insertOrders(app, walmart, [
      anOrder({
        channelOrderId: '108829135999',
        orderedAt,
        status: 'SHIPPED',
        lines: [line('1', 1, 1)],
        shipments: [
          {
            carrier: 'UPS',
            service: null,
            trackingNumber: '1ZV4W5880T2K319429',
            trackingUrl: null,
            shippedAt: new Date(Date.now() - 24 * HOUR),
            packageType: 'PARCEL',
            weightOz: 12,
            lengthIn: null,
            widthIn: null,
            heightIn: null,
            lines: [{ lineNumber: '1', quantity: 1 }],
          },
        ],
      }),
    ]);
    [amazonOrderId] = await insertOrders(app, amazon, [
      anOrder({ channelOrderId: '112-4567890-1234567', orderedAt, totalCents: 799 }),
    ]);
    const rows: { id: string }[] = await app.ds.query('SELECT id FROM shipment WHERE order_id = $1', [otherOrderId]);
    otherShipmentId = rows[0].id;
  });

  afterAll(() => app?.close());

  const shipment = (patch: Record<string, unknown> = {}) => ({
    orderId: walmartOrderId,
    lines: [{ lineNumber: '1', quantity: 2 }],
    carrier: 'UPS',
    trackingNumber: '1Z999AA10123456784',
    shippedAt: new Date(Date.now() - HOUR).toISOString(),
    package: { type: 'PARCEL', weightOz: 20 },
    ...patch,
  });
  const validate = async (patch: Record<string, unknown> = {}) => {
    const res = await app.gql(VALIDATE, { input: shipment(patch) });
    expect(res.errors).toBeUndefined();
    return res.data!.validateShipment as {
      ok: boolean;
      violations: { code: string; field: string; severity: string; message: string }[];
    };
  };

  describe('trackingNumberCheck', () => {
    it('checks and normalises a number for the named carrier', async () => {
      const res = await app.gql(CHECK, { carrier: 'USPS', trackingNumber: '420 90210 9400 1118 9922 3857 1049 38' });
      expect(res.data!.trackingNumberCheck).toEqual({
        valid: true,
        normalized: '9400111899223857104938',
        format: 'USPS_IMPB_ZIP5',
        hasCheckDigit: true,
        matchingCarriers: ['USPS'],
        violations: [],
      });
    });

    it('says which carrier a mismatched number belongs to', async () => {
      const res = await app.gql(CHECK, { carrier: 'FEDEX', trackingNumber: '1Z999AA10123456784' });
      expect(res.data!.trackingNumberCheck).toMatchObject({
        valid: false,
        matchingCarriers: ['UPS'],
        violations: [
          {
            code: 'TRACKING_CARRIER_MISMATCH',
            severity: 'BLOCK',
            field: 'trackingNumber',
            message: 'This is a UPS number, not FedEx.',
          },
        ],
      });
    });

    it('rejects an unknown carrier with BAD_USER_INPUT naming the field', async () => {
      const res = await app.gql(CHECK, { carrier: 'fedex', trackingNumber: '986578788855' });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'carrier' });
      expect(res.data).toBeNull();
      const long = await app.gql(CHECK, { carrier: 'UPS', trackingNumber: '1'.repeat(201) });
      expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'trackingNumber' });
    });

    it('needs a token like every other operation', async () => {
      const res = await app.gql(CHECK, { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' }, null);
      expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('validateShipment', () => {
    it('accepts a clean shipment', async () => {
      expect(await validate()).toEqual({ ok: true, violations: [] });
    });

    it.each([
      ['a wrong check digit', { trackingNumber: '1Z999AA10123456785' }, [['TRACKING_CHECK_DIGIT', 'trackingNumber']]],
      [
        'a number reused on another order this week',
        { trackingNumber: '1ZV4W 5880T 2K319429' },
        [['TRACKING_REUSED', 'trackingNumber']],
      ],
      [
        'the PO as tracking',
        { carrier: 'OTHER', carrierName: 'Royal Mail', trackingNumber: '108829135472' },
        [['TRACKING_EQUALS_ORDER_NUMBER', 'trackingNumber']],
      ],
      [
        'Amazon Logistics on a Walmart order',
        {
          carrier: 'AMAZON_LOGISTICS',
          trackingNumber: 'TBA304958172634',
          trackingUrl: 'https://www.amazon.com/progress-tracker',
        },
        [
          ['AMAZON_LOGISTICS_ON_WALMART', 'carrier'],
          ['AMAZON_LOGISTICS_ON_WALMART', 'trackingNumber'],
          ['AMAZON_LOGISTICS_ON_WALMART', 'trackingUrl'],
        ],
      ],
      [
        'more units than ordered',
        { lines: [{ lineNumber: '1', quantity: 3 }] },
        [['QUANTITY_EXCEEDS_OPEN', 'lines[0].quantity']],
      ],
      ['an unknown line', { lines: [{ lineNumber: '7', quantity: 1 }] }, [['LINE_UNKNOWN', 'lines[0].lineNumber']]],
      [
        'a future ship date',
        { shippedAt: new Date(Date.now() + 2 * HOUR).toISOString() },
        [['SHIP_DATE_IN_FUTURE', 'shippedAt']],
      ],
      [
        'Other off the list without a URL',
        { carrier: 'OTHER', carrierName: 'Speedy Couriers', trackingNumber: 'XK3920194857' },
        [['TRACKING_URL_REQUIRED', 'trackingUrl']],
      ],
    ])('refuses %s', async (_name, patch, expected) => {
      const result = await validate(patch);
      expect(result.ok).toBe(false);
      expect(result.violations.map((v) => [v.code, v.field])).toEqual(expected);
    });

    it('lets an Amazon letter under $10 go without tracking, but not a Walmart one', async () => {
      const letter = { carrier: 'USPS', trackingNumber: '', package: { type: 'LETTER', weightOz: 1 } };
      expect(await validate({ ...letter, orderId: amazonOrderId, lines: [{ lineNumber: '1', quantity: 1 }] })).toEqual({
        ok: true,
        violations: [],
      });
      expect((await validate(letter)).violations.map((v) => v.code)).toEqual(['TRACKING_REQUIRED']);
    });

    it('warns, without blocking, when Amazon gets no scans from the carrier', async () => {
      const result = await validate({
        orderId: amazonOrderId,
        lines: [{ lineNumber: '1', quantity: 1 }],
        carrier: 'OTHER',
        carrierName: 'Speedy Couriers',
        trackingNumber: 'XK3920194857',
      });
      expect(result).toMatchObject({ ok: true, violations: [{ code: 'CARRIER_NOT_INTEGRATED', severity: 'WARN' }] });
    });

    it('allows a tracking correction inside Walmart’s edit window', async () => {
      const result = await validate({
        orderId: otherOrderId,
        shipmentId: otherShipmentId,
        lines: [{ lineNumber: '1', quantity: 1 }],
        trackingNumber: '1Z1X2Y3Z45678912A1',
      });
      expect(result).toEqual({ ok: true, violations: [] });
    });

    it('answers NOT_FOUND for an unknown order or shipment, BAD_USER_INPUT for a malformed id', async () => {
      const missing = await app.gql(VALIDATE, { input: shipment({ orderId: '00000000-0000-4000-8000-000000000000' }) });
      expect(missing.errors?.[0].extensions.code).toBe('NOT_FOUND');
      const noShipment = await app.gql(VALIDATE, { input: shipment({ shipmentId: otherShipmentId }) });
      expect(noShipment.errors?.[0].extensions.code).toBe('NOT_FOUND');
      const malformed = await app.gql(VALIDATE, { input: shipment({ orderId: 'PO-1' }) });
      expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.orderId' });
    });

    it('takes the carrier as the CarrierCode enum', async () => {
      const res = await app.gql(`{
        validateShipment(input: { orderId: "${walmartOrderId}", lines: [], carrier: Fedex, trackingNumber: "1", shippedAt: "2026-01-01T00:00:00Z" }) { ok }
      }`);
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toMatch(/CarrierCode/);
    });
  });
});
