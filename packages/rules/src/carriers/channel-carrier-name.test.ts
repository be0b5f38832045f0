import { CARRIER_CODES, type CarrierCode } from '@order-hub/types';
import {
  AMAZON_CARRIER_CODES,
  carrierNamed,
  channelCarrierName,
  listedCarrierName,
  WALMART_CARRIER_NAMES,
} from './channel-carrier-name';

describe('channelCarrierName', () => {
  it.each([
    ['UPS', 'UPS', 'UPS'],
    ['UPS_MAIL_INNOVATIONS', 'UPSMI', 'UPS Mail Innovations'],
    ['USPS', 'USPS', 'USPS'],
    ['FEDEX', 'FedEx', 'FedEx'],
    ['FEDEX_SMARTPOST', 'FEDEXSP', 'FedEx SmartPost'],
    ['DHL', 'DHL', 'DHL'],
    ['DHL_ECOMMERCE', 'DHL Ecommerce - US', 'DHL Global Mail'],
    ['ONTRAC', 'OnTrac', 'OnTrac'],
    ['LASERSHIP', 'LS', 'Lasership'],
    ['AMAZON_LOGISTICS', null, 'Other'],
    ['OTHER', null, 'Other'],
  ] as [CarrierCode, string | null, string][])('%s → Walmart %j, Amazon %j', (carrier, walmart, amazon) => {
    expect(channelCarrierName('WALMART', carrier)).toBe(walmart);
    expect(channelCarrierName('AMAZON', carrier)).toBe(amazon);
  });

  it('maps every carrier to a value on the channel lists (or null)', () => {
    for (const carrier of CARRIER_CODES) {
      const w = channelCarrierName('WALMART', carrier);
      if (w !== null) expect(WALMART_CARRIER_NAMES).toContain(w);
      expect(AMAZON_CARRIER_CODES).toContain(channelCarrierName('AMAZON', carrier));
    }
  });

  it.each([
    ['WALMART', 'royal mail', 'Royal Mail'],
    ['WALMART', 'Canada  Post', 'Canada Post'],
    ['WALMART', 'Speedy Local Couriers', null],
    ['AMAZON', 'yodel', 'Yodel'],
    ['AMAZON', 'Speedy Local Couriers', 'Other'],
    ['WALMART', 'FedEx SmartPost', 'FEDEXSP'],
    ['WALMART', 'lasership', 'LS'],
    ['WALMART', 'Amazon Logistics', null],
    ['AMAZON', 'DHL eCommerce', 'DHL Global Mail'],
    ['AMAZON', 'UPSMI', 'UPS Mail Innovations'],
  ] as const)('on %s, Other named %j is sent as %j', (channel, name, expected) => {
    expect(channelCarrierName(channel, 'OTHER', name)).toBe(expected);
  });

  it.each([
    ['ups', 'UPS'],
    ['Fed Ex', 'FEDEX'],
    ['FEDEXSP', 'FEDEX_SMARTPOST'],
    ['fedex_smartpost', 'FEDEX_SMARTPOST'],
    ['DHL Ecommerce - US', 'DHL_ECOMMERCE'],
    ['LS', 'LASERSHIP'],
    ['amazon logistics', 'AMAZON_LOGISTICS'],
    ['Royal Mail', null],
    ['', null],
  ] as const)('knows %j as %s', (name, carrier) => {
    expect(carrierNamed(name)).toBe(carrier);
  });

  it('finds nothing for an empty name', () => {
    expect(listedCarrierName('WALMART', '  ')).toBeNull();
    expect(listedCarrierName('AMAZON', undefined)).toBeNull();
  });

  it('holds Walmart’s 75 carrier names, none of them Amazon', () => {
    expect(new Set(WALMART_CARRIER_NAMES).size).toBe(75);
    expect(WALMART_CARRIER_NAMES.filter((n) => /amazon|amzl|amzn/i.test(n))).toEqual([]);
  });
});
