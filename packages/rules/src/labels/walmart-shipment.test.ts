import { CARRIER_CODES, type CarrierCode } from '@order-hub/types';
import { WALMART_CARRIER_NAMES } from '../carriers/channel-carrier-name';
import { WALMART_METHOD_CODES, type WalmartMethodCode } from '../carriers/walmart-method-code';
import { WALMART_SERVICE_METHODS, walmartShipmentFor } from './walmart-shipment';

describe('walmartShipmentFor', () => {
  test.each<[CarrierCode, string, string, WalmartMethodCode]>([
    ['UPS', 'Ground', 'UPS', 'Standard'],
    ['UPS', '3DaySelect', 'UPS', 'Standard'],
    ['UPS', '2ndDayAir', 'UPS', 'Express'],
    ['UPS', '2ndDayAirAM', 'UPS', 'Express'],
    ['UPS', 'NextDayAir', 'UPS', 'OneDay'],
    ['UPS', 'NextDayAirSaver', 'UPS', 'OneDay'],
    ['USPS', 'GroundAdvantage', 'USPS', 'Standard'],
    ['USPS', 'First-Class Package Service', 'USPS', 'Standard'],
    ['USPS', 'Priority', 'USPS', 'Express'],
    ['USPS', 'Express', 'USPS', 'OneDay'],
    ['USPS', 'ParcelSelect', 'USPS', 'Value'],
    ['FEDEX', 'FEDEX_GROUND', 'FedEx', 'Standard'],
    ['FEDEX', 'GROUND_HOME_DELIVERY', 'FedEx', 'Standard'],
    ['FEDEX', 'FEDEX_2_DAY', 'FedEx', 'Express'],
    ['FEDEX', 'STANDARD_OVERNIGHT', 'FedEx', 'OneDay'],
    ['FEDEX', 'PRIORITY_OVERNIGHT', 'FedEx', 'OneDay'],
    ['FEDEX_SMARTPOST', 'SMART_POST', 'FEDEXSP', 'Value'],
    // Case, spaces, dashes and underscores do not matter.
    ['UPS', 'next day air', 'UPS', 'OneDay'],
    ['FEDEX', 'Fedex2Day', 'FedEx', 'Express'],
  ])('%s %s → %s / %s', (carrier, service, walmartCarrier, methodCode) => {
    const shipment = walmartShipmentFor(carrier, service);
    expect(shipment).toMatchObject({ carrier: walmartCarrier, methodCode, known: true });
    expect(shipment?.source).toMatch(/methodCode/);
    expect(shipment?.effective).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('a service the table does not know goes as Standard, flagged unknown', () => {
    expect(walmartShipmentFor('UPS', 'WorldwideSaver')).toMatchObject({
      carrier: 'UPS',
      methodCode: 'Standard',
      known: false,
    });
  });

  test('a service of another carrier is not borrowed: USPS "Ground" is not UPS Ground', () => {
    expect(walmartShipmentFor('USPS', 'Ground')?.known).toBe(false);
  });

  test.each<[string, string | null]>([
    ['LSO', 'LSO'],
    ['lso', 'LSO'],
    ['FEDEXSP', 'FEDEXSP'],
    ['Veho', null],
    ['Amazon Shipping', null],
  ])('Other named %s goes as %s', (name, walmartCarrier) => {
    expect(walmartShipmentFor('OTHER', 'Ground', name)?.carrier ?? null).toBe(walmartCarrier);
  });

  test('Amazon Logistics has no Walmart carrier: null, never a guess', () => {
    expect(walmartShipmentFor('AMAZON_LOGISTICS', 'std-us-swa-mfn')).toBeNull();
    expect(walmartShipmentFor('OTHER', 'Ground')).toBeNull();
  });

  test('every row names a Walmart carrier on its list and a Walmart methodCode, with a source and a date', () => {
    for (const row of WALMART_SERVICE_METHODS) {
      expect(CARRIER_CODES).toContain(row.carrier);
      const shipment = walmartShipmentFor(row.carrier, row.services[0]);
      expect(WALMART_CARRIER_NAMES).toContain(shipment?.carrier);
      expect(WALMART_METHOD_CODES).toContain(row.methodCode);
      expect(row.source).not.toBe('');
      expect(row.why).not.toBe('');
      expect(Number.isNaN(Date.parse(row.effective))).toBe(false);
    }
  });

  test('no service is in two rows of the same carrier', () => {
    const keys = WALMART_SERVICE_METHODS.flatMap((r) =>
      r.services.map((s) => `${r.carrier}:${s.replace(/[\s_-]+/g, '').toLowerCase()}`),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});
