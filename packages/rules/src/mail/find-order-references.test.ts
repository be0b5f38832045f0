import { CHANNELS } from '@order-hub/types';
import { CHANNEL_PROFILES } from '../channels/channel-profile';
import { findOrderReferences, orderNumbersIn } from './find-order-references';

test('every channel names the shapes of its order numbers, each with a source', () => {
  for (const channel of CHANNELS) {
    const shapes = CHANNEL_PROFILES[channel].orderNumberShapes;
    expect(shapes.length).toBeGreaterThan(0);
    for (const shape of shapes) {
      expect(() => new RegExp(shape.pattern)).not.toThrow();
      expect(shape.source.length).toBeGreaterThan(40);
    }
  }
});

describe('orderNumbersIn', () => {
  it.each<[string, string, { channel: string; number: string }[]]>([
    [
      'an Amazon order',
      'Order ID: 111-4821937-5520641 (1 item)',
      [{ channel: 'AMAZON', number: '111-4821937-5520641' }],
    ],
    ['a Walmart PO', 'Walmart PO# 1796277083022 shipped', [{ channel: 'WALMART', number: '1796277083022' }]],
    [
      'several, deduplicated, in text order',
      'PO 4792982839704, customer order 5281956426648; again 4792982839704 and 112-0000001-7654321',
      [
        { channel: 'WALMART', number: '4792982839704' },
        { channel: 'WALMART', number: '5281956426648' },
        { channel: 'AMAZON', number: '112-0000001-7654321' },
      ],
    ],
    ['digits inside a longer number', 'Tracking 9400111899223857104938 and 17962770830221', []],
    ['a longer hyphenated id', 'Ref 111-4821937-5520641-2 and A111-4821937-5520641', []],
    ['a 13-digit number starting with 0', 'Item 0796277083022', []],
    ['nothing', 'Thanks for your order!', []],
  ])('%s', (_name, text, expected) => {
    expect(orderNumbersIn(text)).toEqual(expected);
  });
});

describe('findOrderReferences', () => {
  const candidates = [
    { key: 'order-a', numbers: ['1796277083022', '5281956426648', 'PO-261204-1'] },
    { key: 'order-b', numbers: ['111-4821937-5520641', ''] },
    { key: 'order-c', numbers: ['PO-261204-12'] },
  ];

  it.each<[string, string, string[]]>([
    ['the channel order id', 'Re: PO 1796277083022', ['order-a']],
    ['the customer order id', 'Customer order #5281956426648', ['order-a']],
    ['our purchase order number, case-insensitive', 'Shipped po-261204-1 today', ['order-a']],
    ['not a prefix of a longer PO number', 'Shipped PO-261204-12 today', ['order-c']],
    ['two orders, in text order', 'Orders 111-4821937-5520641 and 1796277083022 shipped', ['order-b', 'order-a']],
    ['not inside a longer token', 'Ref 17962770830221 / X111-4821937-5520641', []],
    ['none', 'Hello', []],
  ])('%s', (_name, text, expected) => {
    expect(findOrderReferences(text, candidates)).toEqual(expected);
  });
});
