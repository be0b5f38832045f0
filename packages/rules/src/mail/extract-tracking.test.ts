import { findTrackingNumbers } from './extract-tracking';

const numbers = (text: string) => findTrackingNumbers(text).map((f) => f.trackingNumber);

describe('findTrackingNumbers', () => {
  it.each<[string, string, string[]]>([
    [
      'UPS after "Tracking #:"',
      'Hi,\nYour order shipped today.\nTracking #: 1Z999AA10123456784\nThanks',
      ['1Z999AA10123456784'],
    ],
    ['UPS printed in groups', 'Tracking number: 1Z 999 AA1 01 2345 6784 (UPS Ground)', ['1Z999AA10123456784']],
    ['UPS lower case', 'tracking 1z999aa10123456784', ['1Z999AA10123456784']],
    ['USPS in groups of four', 'USPS Tracking: 9400 1118 9922 3857 1049 38', ['9400111899223857104938']],
    ['USPS with the 420 ZIP routing prefix', 'Tracking 420902109400111899223857104938', ['9400111899223857104938']],
    ['FedEx 12 digits near "track"', 'Track your FedEx package: 798412530617', ['798412530617']],
    ['FedEx 12 digits in groups', 'FedEx tracking 7984 1253 0617 — delivered Tuesday', ['798412530617']],
    ['DHL air waybill after AWB', 'AWB 3592740185 (DHL Express)', ['3592740185']],
    ['USPS international S10', 'Tracking: EA473529188US', ['EA473529188US']],
    ['USPS international S10 in groups', 'Tracking: EA 473 529 188 US', ['EA473529188US']],
    [
      'a table row rendered as text',
      'ORDER                 CARRIER  TRACKING NUMBER\n111-4821937-5520641   UPS      1Z999AA10123456784',
      ['1Z999AA10123456784'],
    ],
    [
      'two numbers, deduplicated, in text order',
      'Tracking: 9400111899223857104938\nTracking: 1Z999AA10123456784\nAgain: 9400 1118 9922 3857 1049 38',
      ['9400111899223857104938', '1Z999AA10123456784'],
    ],
    ['after "Tracking Ref:"', 'Tracking Ref: 1Z999AA10123456784', ['1Z999AA10123456784']],
    [
      'after "Tracking reference number"',
      'Tracking reference number 9400 1118 9922 3857 1049 38',
      ['9400111899223857104938'],
    ],
    ['a placeholder that passes a check digit', 'Tracking: 1234567890', []],
    ['digits with no tracking word', 'Reference 798412530617 for your records', []],
    ['a number labelled as the order', 'Tracking will follow. Order #: 798412530617', []],
    ['an Amazon order number', 'Tracking for order 111-4821937-5520641 coming soon', []],
    ['a Walmart purchase order number', 'Tracking for PO 1796277083022 coming soon', []],
    ['a phone number', 'Tracking questions? Call 1 555 867 5309 or (555) 867-5309', []],
    ['a ZIP and a date', 'Shipped with tracking to Austin, TX 78701-1234 on 2026-12-04 (12/04/2026)', []],
    ['a price', 'Shipped, tracking soon. Total $1,234,567.89 paid', []],
    ['an amount without separators', 'Shipped with tracking. Amount due: $3592740185', []],
    ['a UPS number with a wrong check digit', 'Tracking 1Z999AA10123456785', []],
  ])('%s', (_name, text, expected) => {
    expect(numbers(text)).toEqual(expected);
  });

  it('names the carriers the format fits and the context around the number', () => {
    const [found] = findTrackingNumbers(
      'Hello. Your parcel left our warehouse. UPS tracking: 1Z 999 AA1 01 2345 6784. Thanks!',
    );
    expect(found.carriers).toEqual(['UPS']);
    expect(found.context.length).toBeLessThanOrEqual(80);
    expect(found.context).toContain('1Z 999 AA1 01 2345 6784');
  });

  it('lists every carrier a shared layout belongs to', () => {
    const [found] = findTrackingNumbers('Tracking 9261290100123456789032');
    expect(found.carriers).toEqual(expect.arrayContaining(['USPS', 'FEDEX_SMARTPOST']));
  });
});

describe('findTrackingNumbers on prose', () => {
  it.each([
    'Action required: reply to this email within 24 hours with valid tracking information.',
    'Your Valid Tracking Rate is 91.2% over the last 30 days, below our target of 95%.',
    'Tracking reference 12345678901234 was mentioned in the ticket',
  ])('finds nothing in "%s"', (text) => {
    expect(findTrackingNumbers(text)).toEqual([]);
  });

  it.each([
    [
      'DHL eCommerce, no check digit, after a tracking word',
      'DHL eCommerce tracking: GM2951173225174494',
      'GM2951173225174494',
    ],
    ['Amazon Logistics TBA after a tracking word', 'Tracking ID TBA304958172639', 'TBA304958172639'],
  ])('%s', (_name, text, expected) => {
    expect(findTrackingNumbers(text).map((f) => f.trackingNumber)).toEqual([expected]);
  });

  it('leaves a number without a check digit alone when nothing calls it tracking', () => {
    expect(findTrackingNumbers('Your coupon GM2951173225174494 expires soon')).toEqual([]);
  });
});
