import { fromCents, minorUnitDigits, toCents } from './money';

describe('toCents', () => {
  it.each([
    [5, 500],
    [5.99, 599],
    [0.1 + 0.2, 30],
    [19.995, 2000],
    ['12.34', 1234],
    ['12.3', 1230],
    ['12', 1200],
    ['-5.00', -500],
    [-0.01, -1],
    ['0.005', 1],
    [null, 0],
    [undefined, 0],
  ])('%p → %p cents', (input, cents) => {
    expect(toCents(input)).toBe(cents);
  });

  it('refuses what is not an amount', () => {
    expect(() => toCents('12,34')).toThrow('Not a money amount: "12,34"');
  });

  it('refuses an unknown currency with its code', () => {
    expect(() => toCents('1', 'XX1')).toThrow('Not a currency code: "XX1"');
  });
});

describe('toCents by currency minor units (Amazon money: JPY has none, KWD/BHD three)', () => {
  it.each([
    ['1000', 'JPY', 1000],
    [1000, 'JPY', 1000],
    ['1000.5', 'JPY', 1001],
    ['12.345', 'KWD', 12345],
    ['0.125', 'BHD', 125],
    [1.2345, 'KWD', 1235],
    ['5.99', 'GBP', 599],
    ['-3', 'JPY', -3],
  ])('%p %s → %p minor units', (amount, currency, minor) => {
    expect(toCents(amount, currency)).toBe(minor);
  });

  it('fromCents turns minor units back into the channel amount of that currency', () => {
    expect([fromCents(599), fromCents(1000, 'JPY'), fromCents(12345, 'KWD'), fromCents(-500, 'USD')]).toEqual([
      5.99, 1000, 12.345, -5,
    ]);
  });

  it('reads the digits from ISO 4217 through Intl', () => {
    expect(['USD', 'JPY', 'KWD', 'BHD', 'EUR', 'KRW'].map(minorUnitDigits)).toEqual([2, 0, 3, 3, 2, 0]);
  });
});
