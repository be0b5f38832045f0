import { CHANNELS } from '@order-hub/types';
import { anyChannelRequiresMfa, buyerDataPolicy, buyerDataRedactAfter } from './buyer-data-policy';

describe('buyerDataPolicy', () => {
  it('keeps Amazon buyer PII 30 days after delivery and asks for MFA, citing the DPP', () => {
    const amazon = buyerDataPolicy('AMAZON');
    expect(amazon.piiRetentionDaysAfterDelivery).toBe(30);
    expect(amazon.requiresMfa).toBe(true);
    expect(amazon.source).toMatch(/Data Protection Policy/);
    expect(amazon.source).toMatch(/30 days after order delivery/);
  });

  it('gives Walmart the hub default and says no Walmart figure was found', () => {
    const walmart = buyerDataPolicy('WALMART');
    expect(walmart.piiRetentionDaysAfterDelivery).toBe(30);
    expect(walmart.requiresMfa).toBe(false);
    expect(walmart.source).toMatch(/No Walmart retention figure found/);
    expect(walmart.source).toMatch(/hub default/);
  });

  it('has a source, a fallback and a date for every channel', () => {
    for (const channel of CHANNELS) {
      const policy = buyerDataPolicy(channel);
      expect(policy.channel).toBe(channel);
      expect(policy.source.length).toBeGreaterThan(40);
      expect(policy.fallbackSource).toMatch(/cancelled/);
      expect(policy.assumedDeliveryDaysAfterShipment).toBeGreaterThan(0);
      expect(Number.isNaN(policy.effectiveFrom.getTime())).toBe(false);
    }
  });

  it('says MFA is required only when a connected channel asks for it', () => {
    expect(anyChannelRequiresMfa([])).toBe(false);
    expect(anyChannelRequiresMfa(['WALMART'])).toBe(false);
    expect(anyChannelRequiresMfa(['WALMART', 'AMAZON'])).toBe(true);
  });

  it('puts the redaction instant 30 days after delivery', () => {
    const delivered = new Date('2026-03-01T10:00:00Z');
    expect(buyerDataRedactAfter('AMAZON', delivered).toISOString()).toBe('2026-03-31T10:00:00.000Z');
  });
});
