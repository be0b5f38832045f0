import { CARRIER_CODES, isCarrierCode } from './carrier';

describe('isCarrierCode', () => {
  it.each([...CARRIER_CODES])('accepts %s', (code) => {
    expect(isCarrierCode(code)).toBe(true);
  });
  it.each(['ups', 'FedEx', '', 'toString', 'constructor', null, 7])('rejects %p', (value) => {
    expect(isCarrierCode(value)).toBe(false);
  });
  it('lists every carrier the issue names', () => {
    expect([...CARRIER_CODES].sort()).toEqual([
      'AMAZON_LOGISTICS',
      'DHL',
      'DHL_ECOMMERCE',
      'FEDEX',
      'FEDEX_SMARTPOST',
      'LASERSHIP',
      'ONTRAC',
      'OTHER',
      'UPS',
      'UPS_MAIL_INNOVATIONS',
      'USPS',
    ]);
  });
});
