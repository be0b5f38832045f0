import type { CarrierCode, PackageInput } from '@order-hub/types';
import { policyFor } from '../policy/policy-table';
import { isValidTrackingExempt } from './valid-tracking-exemption';

const amazon = policyFor('AMAZON', 'US', new Date('2026-06-01T00:00:00Z'));
const amazon2015 = policyFor('AMAZON', 'US', new Date('2016-01-01T00:00:00Z'));
const walmart = policyFor('WALMART', 'US', new Date('2026-06-01T00:00:00Z'));
const flat: PackageInput = { type: 'FLAT', weightOz: 3, lengthIn: 12, widthIn: 9, heightIn: 0.5 };

describe('isValidTrackingExempt', () => {
  it.each([
    ['a USPS flat under $10', 'USPS', flat, 999, amazon, true],
    ['a USPS letter with no measures', 'USPS', { type: 'LETTER' }, 450, amazon, true],
    ['exactly $10', 'USPS', flat, 1000, amazon, false],
    ['over $10', 'USPS', flat, 1500, amazon, false],
    ['an unknown price', 'USPS', flat, undefined, amazon, false],
    ['a parcel', 'USPS', { ...flat, type: 'PARCEL' }, 500, amazon, false],
    ['no package given', 'USPS', null, 500, amazon, false],
    ['UPS', 'UPS', flat, 500, amazon, false],
    [
      '15 × 12 × ¾ in, 14 oz (the limits)',
      'USPS',
      { type: 'FLAT', weightOz: 14, lengthIn: 12, widthIn: 15, heightIn: 0.75 },
      500,
      amazon,
      true,
    ],
    ['over 14 oz', 'USPS', { ...flat, weightOz: 14.5 }, 500, amazon, false],
    ['thicker than ¾ in', 'USPS', { ...flat, heightIn: 1 }, 500, amazon, false],
    ['longer than 15 in', 'USPS', { ...flat, lengthIn: 16 }, 500, amazon, false],
    ['wider than 12 in', 'USPS', { ...flat, lengthIn: 13, widthIn: 14 }, 500, amazon, false],
    ['over $10 before 2016-10-12 (no price limit then)', 'USPS', flat, 2500, amazon2015, true],
    ['a Walmart order (no exemption)', 'USPS', flat, 500, walmart, false],
  ] as [string, CarrierCode, PackageInput | null, number | undefined, typeof amazon, boolean][])(
    '%s → %s',
    (_name, carrier, pkg, totalCents, policy, expected) => {
      expect(
        isValidTrackingExempt({ carrier, package: pkg }, totalCents === undefined ? {} : { totalCents }, policy),
      ).toBe(expected);
    },
  );
});
