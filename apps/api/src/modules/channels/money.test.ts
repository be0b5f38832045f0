import { toCents } from './money';

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
});
