import { mcfCreatePayload, sellerFulfillmentOrderId } from './mcf-request';

const order = {
  id: 'o1',
  channel: 'WALMART' as const,
  channelOrderId: '1796277083022',
  customerOrderId: '5281956426648',
  orderedAt: new Date('2026-11-20T10:00:00Z'),
  shipMethod: 'Standard',
  shipTo: {
    name: 'Kathryn Cole',
    line1: '3258 Warners Rd',
    line2: 'Garage',
    city: 'Warners',
    stateOrRegion: 'NY',
    postalCode: '13164',
    countryCode: 'US',
    phone: '3155598681',
  },
  lines: [
    { lineNumber: '1', sku: 'MUG-11OZ', open: 2 },
    { lineNumber: '2', sku: 'CAP-RED', open: 0 },
  ],
};

describe('MCF requests for orders of another channel', () => {
  it('always requires BLOCK_AMZL and BLANK_BOX, and puts the Walmart order number on the packing slip', () => {
    const p = mcfCreatePayload(order, 'ATVPDKIKX0DER');
    expect(p.featureConstraints).toEqual([
      { featureName: 'BLOCK_AMZL', featureFulfillmentPolicy: 'Required' },
      { featureName: 'BLANK_BOX', featureFulfillmentPolicy: 'Required' },
    ]);
    expect(p).toMatchObject({
      sellerFulfillmentOrderId: 'OH-WM-1796277083022',
      displayableOrderId: '5281956426648',
      shippingSpeedCategory: 'Standard',
    });
    expect(p.displayableOrderComment).not.toMatch(/amazon/i);
    expect(p.items).toEqual([{ sellerSku: 'MUG-11OZ', sellerFulfillmentOrderItemId: '1', quantity: 2 }]);
    expect(p.destinationAddress).toMatchObject({
      addressLine1: '3258 Warners Rd',
      addressLine2: 'Garage',
      countryCode: 'US',
    });
  });

  it("derives the same id for the same order every time, within Amazon's 40 characters", () => {
    expect(sellerFulfillmentOrderId(order)).toBe(sellerFulfillmentOrderId({ ...order }));
    expect(sellerFulfillmentOrderId({ channel: 'WALMART', channelOrderId: 'x'.repeat(60) })).toHaveLength(40);
  });
});
