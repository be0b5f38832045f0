import { globToRegExp, routingRuleMatches } from './routing-match';

const rule = { enabled: true, skus: [] as string[], skuPattern: null as string | null, countries: [] as string[] };

describe('routing rules', () => {
  it.each([
    ['no criteria', rule, { countryCode: 'US', skus: ['A'] }, true],
    ['disabled', { ...rule, enabled: false }, { countryCode: 'US', skus: ['A'] }, false],
    ['country listed', { ...rule, countries: ['US', 'PR'] }, { countryCode: 'us', skus: ['A'] }, true],
    ['country not listed', { ...rule, countries: ['CA'] }, { countryCode: 'US', skus: ['A'] }, false],
    ['every SKU listed', { ...rule, skus: ['A', 'B'] }, { countryCode: 'US', skus: ['A', 'B'] }, true],
    ['one SKU not listed', { ...rule, skus: ['A'] }, { countryCode: 'US', skus: ['A', 'C'] }, false],
    ['pattern matches all', { ...rule, skuPattern: 'MUG-*' }, { countryCode: 'US', skus: ['MUG-11', 'mug-15'] }, true],
    ['pattern misses one', { ...rule, skuPattern: 'MUG-*' }, { countryCode: 'US', skus: ['MUG-11', 'CAP-1'] }, false],
    ['no lines', rule, { countryCode: 'US', skus: [] }, false],
  ])('%s', (_name, r, order, expected) => {
    expect(routingRuleMatches(r, order)).toBe(expected);
  });

  it('treats regex characters in a glob literally', () => {
    expect(globToRegExp('A.B?C*').test('A.BxC-anything')).toBe(true);
    expect(globToRegExp('A.B').test('AxB')).toBe(false);
  });
});
