import { carrierOfMcfPackage, MCF_REQUIRED_FEATURES, mcfSpeedFor } from './mcf-policy';

describe('MCF for orders of other channels', () => {
  it('requires BLOCK_AMZL and BLANK_BOX, both', () => {
    expect(MCF_REQUIRED_FEATURES).toEqual([
      { featureName: 'BLOCK_AMZL', featureFulfillmentPolicy: 'Required' },
      { featureName: 'BLANK_BOX', featureFulfillmentPolicy: 'Required' },
    ]);
  });

  it.each([
    ['Standard', 'Standard'],
    ['Value', 'Standard'],
    [null, 'Standard'],
    ['Express', 'Expedited'],
    ['Expedited', 'Expedited'],
    ['OneDay', 'Priority'],
  ])('maps ship method %s to %s', (method, speed) => {
    expect(mcfSpeedFor(method)).toBe(speed);
  });

  it.each([
    ['UPS', 'UPS'],
    ['USPS', 'USPS'],
    ['FedEx', 'FEDEX'],
    ['AMZL_US', 'AMAZON_LOGISTICS'],
    ['AMZL', 'AMAZON_LOGISTICS'],
    ['Amazon Shipping', 'AMAZON_LOGISTICS'],
    ['Lone Star', 'OTHER'],
  ])('reads MCF carrier %s as %s', (code, carrier) => {
    expect(carrierOfMcfPackage(code).carrier).toBe(carrier);
  });
});
