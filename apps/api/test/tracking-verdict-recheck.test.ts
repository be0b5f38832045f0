import type { NormalizedOrder } from '@order-hub/types';
import { RecheckTrackingVerdicts1795600300000 } from '../src/database/migrations/1795600300000-RecheckTrackingVerdicts';
import { ComplianceService } from '../src/modules/compliance/compliance.service';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const DAY = 86_400_000;

/**
 * A shipped Amazon order with a genuine UPS waybill number (from the carrier's published examples), scanned by the
 * carrier (Amazon's package status): only the number's format decides whether it counts as valid.
 */
function shippedWithWaybill(trackingNumber: string): NormalizedOrder {
  const base = anOrder();
  const shippedAt = new Date(Date.now() - 3 * DAY);
  return {
    ...base,
    orderedAt: new Date(shippedAt.getTime() - DAY),
    shipBy: new Date(shippedAt.getTime() + DAY),
    status: 'SHIPPED',
    fulfillmentMethod: 'MERCHANT',
    lines: [{ ...base.lines[0], quantityShipped: 1, status: 'SHIPPED' }],
    shipments: [
      {
        carrier: 'UPS',
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
        events: [{ type: 'SCANNED', at: new Date(shippedAt.getTime() + DAY / 4), description: 'IN_TRANSIT' }],
      },
    ],
  };
}

describe.each(testDatabases())('tracking verdicts stored under older rules on %s', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind);
  });
  afterAll(async () => app?.close());

  it('a genuine UPS waybill number stored as invalid counts as valid again once the verdicts are re-checked', async () => {
    const account = await anAccount(app, 'AMAZON');
    await insertOrders(app, account, ['K1506235620', 'J4603636537'].map(shippedWithWaybill));
    const compliance = app.running.app.get(ComplianceService);
    const vtr = async () => {
      const { metrics } = await compliance.report({ channel: 'AMAZON', accountId: account.id, asOf: new Date() });
      const m = metrics.find((x) => x.key === 'VALID_TRACKING_RATE' && x.category === null)!;
      return [m.numerator, m.denominator];
    };
    expect(await vtr()).toEqual([2, 2]);

    // What a verdict written before the waybill check-digit fix looks like.
    await app.ds.query(`UPDATE compliance_tracking_check SET valid = false`);
    expect(await vtr()).toEqual([0, 2]);

    const runner = app.ds.createQueryRunner();
    try {
      await new RecheckTrackingVerdicts1795600300000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await vtr()).toEqual([2, 2]);
  });
});
