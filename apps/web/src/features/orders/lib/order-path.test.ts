import { channelFromPath, isOrderId, orderPath } from './order-path';

describe('orderPath', () => {
  it('reads /orders/<channel>/<channel order number>', () => {
    expect(orderPath({ channel: 'WALMART', channelOrderId: '1234567890123' })).toBe('/orders/walmart/1234567890123');
  });

  it('encodes characters that would break the path', () => {
    expect(orderPath({ channel: 'AMAZON', channelOrderId: '111-2/3 4' })).toBe('/orders/amazon/111-2%2F3%204');
  });
});

describe('channelFromPath', () => {
  it('maps the lower-case segment back to the channel', () => {
    expect(channelFromPath('amazon', ['WALMART', 'AMAZON'])).toBe('AMAZON');
    expect(channelFromPath('ebay', ['WALMART', 'AMAZON'])).toBeNull();
  });
});

describe('isOrderId', () => {
  it('accepts hub ids only', () => {
    expect(isOrderId('0b9f7c3e-5d1a-4b8e-9c2d-1e2f3a4b5c6d')).toBe(true);
    expect(isOrderId('1234567890123')).toBe(false);
  });
});
