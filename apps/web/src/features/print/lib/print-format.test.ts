import { packedUnits, pickListSummary, shipToLines } from './print-format';

const address = {
  name: 'Ada Lovelace',
  line1: '12 Elm St',
  line2: null,
  line3: '',
  city: 'Austin',
  stateOrRegion: 'TX',
  postalCode: '78704',
  countryCode: 'US',
};

describe('print format', () => {
  it('prints the ship-to without empty lines', () => {
    expect(shipToLines(address, false)).toEqual(['Ada Lovelace', '12 Elm St', 'Austin, TX 78704', 'US']);
  });

  it('says the address was removed for a redacted order, keeping the place', () => {
    expect(shipToLines({ ...address, name: null, line1: null }, true)).toEqual(['Address removed', 'Austin, TX 78704']);
    expect(shipToLines(null, true)).toEqual(['Address removed']);
  });

  it('packs what was ordered less what was cancelled', () => {
    expect(packedUnits({ quantityOrdered: 3, quantityCancelled: 1 })).toBe(2);
    expect(packedUnits({ quantityOrdered: 1, quantityCancelled: 1 })).toBe(0);
  });

  it('counts orders and units in words', () => {
    expect(pickListSummary(1, 1)).toBe('1 order · 1 unit');
    expect(pickListSummary(3, 7)).toBe('3 orders · 7 units');
  });
});
