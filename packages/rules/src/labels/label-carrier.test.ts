import { CARRIER_CODES, type CarrierCode } from '@order-hub/types';
import { LABEL_CARRIERS, labelCarrierCode } from './label-carrier';

describe('labelCarrierCode', () => {
  test.each<[string | null, string | null, CarrierCode]>([
    // Amazon Shipping API v2 carrier ids and names
    ['AMZN_US', 'Amazon Shipping', 'AMAZON_LOGISTICS'],
    ['AMZN_UK', null, 'AMAZON_LOGISTICS'],
    [null, 'Amazon Shipping', 'AMAZON_LOGISTICS'],
    ['UPS', 'UPS', 'UPS'],
    ['USPS', 'United States Postal Service', 'USPS'],
    ['FedEx', 'FedEx', 'FEDEX'],
    // EasyPost carriers
    ['AmazonShipping', null, 'AMAZON_LOGISTICS'],
    ['UPSDAP', null, 'UPS'],
    ['FedExDefault', null, 'FEDEX'],
    ['FedExSmartPost', null, 'FEDEX_SMARTPOST'],
    ['DHLExpress', null, 'DHL'],
    ['DHLEcommerceSolutions', null, 'DHL_ECOMMERCE'],
    ['OnTracV3', null, 'ONTRAC'],
    ['LaserShipV2', null, 'LASERSHIP'],
    // case, spaces and underscores do not matter; an unknown id falls back to the name
    ['usps', null, 'USPS'],
    ['fedex_smart_post', null, 'FEDEX_SMARTPOST'],
    ['FOOSHIPGRD', 'UPS', 'UPS'],
    // nothing known
    ['FOOSHIPGRD', 'Foo Shipping', 'OTHER'],
    [null, null, 'OTHER'],
    ['', '  ', 'OTHER'],
  ])('%s / %s → %s', (id, name, carrier) => {
    expect(labelCarrierCode(id, name)).toBe(carrier);
  });

  test('"AMZN" is matched as a prefix only: a carrier whose id merely contains it is not Amazon', () => {
    expect(labelCarrierCode('XAMZN_US', null)).toBe('OTHER');
  });

  test('every row names a hub carrier and its source; no name is in two rows', () => {
    for (const row of LABEL_CARRIERS) {
      expect(CARRIER_CODES).toContain(row.carrier);
      expect(row.source).not.toBe('');
    }
    const names = LABEL_CARRIERS.flatMap((r) => r.names.map((n) => n.replace(/[\s_-]+/g, '').toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
  });
});
