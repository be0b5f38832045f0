import type { CarrierLocation } from '@order-hub/types';
import {
  matchDeliveryAddress,
  normalizeCity,
  normalizePostalCode,
  normalizeState,
  type ShipToPlace,
} from './address-match';

const shipTo = (patch: Partial<ShipToPlace> = {}): ShipToPlace => ({
  city: 'Bentonville',
  state: 'AR',
  postalCode: '72712',
  country: 'US',
  ...patch,
});
const loc = (patch: Partial<CarrierLocation> = {}): CarrierLocation => ({
  city: 'BENTONVILLE',
  state: 'AR',
  zip: '72712',
  country: 'US',
  ...patch,
});

describe('normalizeCity', () => {
  it.each([
    ['St. Louis', 'Saint Louis'],
    ['ST LOUIS', 'saint-louis'],
    ['Fort Worth', 'FT. WORTH'],
    ['Mount Pleasant', 'Mt Pleasant'],
    ['Port St. Lucie', 'Pt Saint Lucie'],
    ['North Las Vegas', 'N Las Vegas'],
    ['Colorado Springs', 'COLORADO SPGS'],
    ["Coeur d'Alene", 'COEUR DALENE'],
    ['San José', 'SAN JOSE'],
    ['  Winston-Salem ', 'winston salem'],
  ])('%s = %s', (a, b) => expect(normalizeCity(a)).toBe(normalizeCity(b)));

  it.each([
    ['Fort Worth', 'Fort Collins'],
    ['Springfield', 'Springdale'],
  ])('%s ≠ %s', (a, b) => expect(normalizeCity(a)).not.toBe(normalizeCity(b)));

  it('is null for nothing but punctuation or space', () => {
    expect(normalizeCity(' .,- ')).toBeNull();
    expect(normalizeCity(null)).toBeNull();
  });
});

describe('normalizeState', () => {
  it.each([
    ['California', 'CA'],
    ['new york', 'NY'],
    ['District of Columbia', 'DC'],
    ['a.r.', 'AR'],
  ])('%s is %s', (name, code) => expect(normalizeState(name)).toBe(normalizeState(code)));

  it('keeps a code as it is, upper-cased', () => expect(normalizeState('tx')).toBe('TX'));
});

describe('normalizePostalCode', () => {
  it.each([
    ['72712', '72712'],
    ['72712-1234', '72712'],
    ['727121234', '72712'],
    ['72712 1234', '72712'],
    [' 02134 ', '02134'],
    ['K1A 0B1', 'K1A0B1'],
  ])('%s → %s', (code, zip) => expect(normalizePostalCode(code)).toBe(zip));

  it.each(['2134', '', '   ', null])('%p cannot be compared', (code) => expect(normalizePostalCode(code)).toBeNull());
});

describe('matchDeliveryAddress', () => {
  it.each<[string, Partial<CarrierLocation>, 'MATCH' | 'MISMATCH' | 'UNKNOWN']>([
    ['same ZIP, city and state', {}, 'MATCH'],
    ['ZIP+4 and lower case', { zip: '72712-4401', city: 'bentonville', state: 'ar' }, 'MATCH'],
    ['state written out', { state: 'Arkansas' }, 'MATCH'],
    ['another ZIP in the same city', { zip: '72716' }, 'MISMATCH'],
    ['another city, same state and ZIP (a neighbourhood name)', { city: 'Rogers' }, 'MATCH'],
    ['another city and state with the same ZIP', { city: 'Tulsa', state: 'OK' }, 'MISMATCH'],
    ['no ZIP, another city in the same state', { zip: null, city: 'Rogers' }, 'MATCH'],
    ['no ZIP, another city and state', { zip: null, city: 'Tulsa', state: 'OK' }, 'MISMATCH'],
    ['no ZIP, same city, other state', { zip: null, state: 'MO' }, 'MATCH'],
    ['no ZIP and no state', { zip: null, state: null }, 'UNKNOWN'],
    ['nothing at all', { zip: null, state: null, city: null, country: null }, 'UNKNOWN'],
    ['a partial ZIP only', { zip: '7271', state: null, city: null }, 'UNKNOWN'],
    ['another country', { country: 'CA', zip: null }, 'MISMATCH'],
    ['the country spelt out', { country: 'United States' }, 'MATCH'],
    ['no country', { country: null }, 'MATCH'],
  ])('%s: %s', (_name, patch, expected) => {
    expect(matchDeliveryAddress(shipTo(), loc(patch)).match).toBe(expected);
  });

  it('matches Saint/St and Fort/Ft in the ship-to', () => {
    expect(
      matchDeliveryAddress(
        shipTo({ city: 'Saint Louis', state: 'Missouri', postalCode: null }),
        loc({ city: 'ST. LOUIS', state: 'MO', zip: null }),
      ).match,
    ).toBe('MATCH');
    expect(
      matchDeliveryAddress(
        shipTo({ city: 'Fort Worth', state: 'TX', postalCode: '76102' }),
        loc({ city: 'FT WORTH', state: 'TX', zip: '76102-3100' }),
      ).match,
    ).toBe('MATCH');
  });

  it('is UNKNOWN when the carrier gave no location, and says so', () => {
    const result = matchDeliveryAddress(shipTo(), null);
    expect(result).toEqual({ match: 'UNKNOWN', reason: 'The carrier reported no delivery location' });
    expect(matchDeliveryAddress(shipTo(), null, null).match).toBe('UNKNOWN');
  });

  it('falls back to the carrier destination when the delivery scan has no usable location', () => {
    const scan = loc({ zip: null, state: null, city: 'BENTONVILLE' });
    expect(matchDeliveryAddress(shipTo(), scan, loc({ zip: '10001', city: 'New York', state: 'NY' }))).toEqual({
      match: 'MISMATCH',
      reason: 'ZIP differs (carrier destination NEW YORK NY 10001 US; ship-to BENTONVILLE AR 72712 US)',
    });
  });

  it('prefers the delivery scan over the destination', () => {
    const result = matchDeliveryAddress(shipTo(), loc({ zip: '94105', city: 'San Francisco', state: 'CA' }), loc());
    expect(result.match).toBe('MISMATCH');
    expect(result.reason).toMatch(/^ZIP differs \(delivery scan SAN FRANCISCO CA 94105 US; ship-to/);
  });

  it('is UNKNOWN when the ship-to itself cannot be compared', () => {
    const result = matchDeliveryAddress(shipTo({ postalCode: null, state: null }), loc());
    expect(result.match).toBe('UNKNOWN');
    expect(result.reason).toContain('ship-to');
  });

  it('names the differing parts in the reason', () => {
    expect(matchDeliveryAddress(shipTo(), loc({ city: 'Tulsa', state: 'OK' })).reason).toBe(
      'City and state both differ (delivery scan TULSA OK 72712 US; ship-to BENTONVILLE AR 72712 US)',
    );
  });
});
