import type { CarrierCode, Channel, LabelRateQuote } from '@order-hub/types';
import { CARRIER_CODES } from '@order-hub/types';
import { labelRateRefusal, labelRatesFor } from './label-rates';
import { walmartShipmentFor } from './walmart-shipment';

const rate = (carrier: CarrierCode, carrierName: string, service: string, serviceName: string): LabelRateQuote => ({
  rateId: `${carrierName}-${service}`,
  carrier,
  carrierName,
  service,
  serviceName,
  amountCents: 900,
  currency: 'USD',
  deliverBy: null,
  pickUpBy: null,
  deliveryDays: 3,
});

describe('labelRateRefusal', () => {
  test.each<[string, Channel, LabelRateQuote, RegExp | null]>([
    ['UPS Ground on Walmart', 'WALMART', rate('UPS', 'UPS', 'Ground', 'UPS Ground'), null],
    ['USPS Priority on Walmart', 'WALMART', rate('USPS', 'USPS', 'Priority', 'USPS Priority Mail'), null],
    ['FedEx 2Day on Walmart', 'WALMART', rate('FEDEX', 'FedEx', 'FEDEX_2_DAY', 'FedEx 2Day'), null],
    [
      'Amazon Logistics on Walmart',
      'WALMART',
      rate('AMAZON_LOGISTICS', 'Amazon Shipping', 'std-us-swa-mfn', 'Amazon Shipping Ground'),
      /Amazon Logistics.*Walmart orders may not be delivered or tracked by Amazon Logistics/,
    ],
    [
      'an Amazon-named carrier filed as Other on Walmart',
      'WALMART',
      rate('OTHER', 'Amazon Shipping', 'Ground', 'Ground'),
      /carrier name "Amazon Shipping" is Amazon's/,
    ],
    [
      'an Amazon service under another carrier on Walmart',
      'WALMART',
      rate('USPS', 'USPS', 'amzn-ground', 'AMZN Ground'),
      /service "AMZN Ground" is Amazon's/,
    ],
    [
      'Amazon Shipping on Amazon',
      'AMAZON',
      rate('AMAZON_LOGISTICS', 'Amazon Shipping', 'std-us-swa-mfn', 'Amazon Shipping Ground'),
      null,
    ],
    ['UPS on Amazon', 'AMAZON', rate('UPS', 'UPS', 'Ground', 'UPS Ground'), null],
    [
      'an unlisted carrier filed as Other on Walmart',
      'WALMART',
      rate('OTHER', 'Veho', 'Standard', 'Veho'),
      /^Veho is not on Walmart's carrier list\.$/,
    ],
    ['a listed carrier filed as Other on Walmart', 'WALMART', rate('OTHER', 'LSO', 'Ground', 'LSO Ground'), null],
    ['an unlisted carrier filed as Other on Amazon', 'AMAZON', rate('OTHER', 'Veho', 'Standard', 'Veho'), null],
  ])('%s', (_, channel, r, refusal) => {
    const reason = labelRateRefusal(channel, r);
    if (refusal === null) expect(reason).toBeNull();
    else expect(reason).toMatch(refusal);
  });
});

describe('labelRatesFor', () => {
  const ups = rate('UPS', 'UPS', 'Ground', 'UPS Ground');
  const usps = rate('USPS', 'USPS', 'GroundAdvantage', 'USPS Ground Advantage');
  const amazon = rate('AMAZON_LOGISTICS', 'Amazon Shipping', 'std-us-swa-mfn', 'Amazon Shipping Ground');

  test('on a Walmart order the Amazon rates are removed before the operator sees them, each with its reason', () => {
    const { offered, removed } = labelRatesFor('WALMART', [ups, amazon, usps]);
    expect(offered).toEqual([ups, usps]);
    expect(removed).toHaveLength(1);
    expect(removed[0].rate).toBe(amazon);
    expect(removed[0].reason).toMatch(/Amazon Logistics/);
  });

  test('on an Amazon order every carrier is offered', () => {
    expect(labelRatesFor('AMAZON', [ups, amazon, usps])).toEqual({ offered: [ups, amazon, usps], removed: [] });
  });

  test('no rates: nothing offered, nothing removed', () => {
    expect(labelRatesFor('WALMART', [])).toEqual({ offered: [], removed: [] });
  });
});

test('every rate offered on a Walmart order can be confirmed to Walmart with a listed carrier', () => {
  const names = ['UPS', 'LSO', 'Veho', 'Amazon Shipping', 'FedEx SmartPost', ''];
  const rates = CARRIER_CODES.flatMap((carrier) => names.map((name) => rate(carrier, name, 'Ground', 'Ground')));
  const { offered, removed } = labelRatesFor('WALMART', rates);
  expect(offered.length).toBeGreaterThan(0);
  expect(removed.length).toBeGreaterThan(0);
  for (const r of offered) expect(walmartShipmentFor(r.carrier, r.service, r.carrierName)).not.toBeNull();
  const amazon = rates.filter((r) => r.carrier === 'AMAZON_LOGISTICS' || /amazon/i.test(r.carrierName));
  expect(removed.map((x) => x.rate)).toEqual(expect.arrayContaining(amazon));
});
