import { globMatches, routingRuleMatches } from './routing-match';

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
    expect(globMatches('A.B?C*', 'A.BxC-anything')).toBe(true);
    expect(globMatches('A.B', 'AxB')).toBe(false);
    expect(globMatches('(A|B)+[x]{2}^$\\', '(a|b)+[X]{2}^$\\')).toBe(true);
  });

  it.each([
    ['*', '', true],
    ['?', '', false],
    ['?', 'é', true],
    ['MUG-??', 'MUG-11', true],
    ['MUG-??', 'MUG-111', false],
    ['*-11', 'MUG-11', true],
    ['*MUG*11*', 'xMUGyy11', true],
    ['**a**', 'bab', true],
    ['a*b*c', 'abxbxc', true],
    ['a*b*c', 'abxbxcx', false],
    ['', '', true],
    ['', 'a', false],
  ])('glob %j against %j is %s', (glob, sku, expected) => {
    expect(globMatches(glob, sku)).toBe(expected);
  });

  it('agrees with the equivalent regular expression on every small pattern and SKU', () => {
    const alphabet = ['a', 'B', '*', '?', '.'];
    const all = (n: number): string[] =>
      n === 0 ? [''] : all(n - 1).flatMap((s) => (s.length < n - 1 ? [s] : [s, ...alphabet.map((c) => s + c)]));
    const patterns = all(4);
    const skus = all(5).filter((s) => !/[*?]/.test(s));
    const disagreements: string[] = [];
    for (const glob of patterns) {
      const regex = new RegExp(
        `^${glob
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
        'is',
      );
      for (const sku of skus) if (globMatches(glob, sku) !== regex.test(sku)) disagreements.push(`${glob} ${sku}`);
    }
    expect(patterns.length * skus.length).toBeGreaterThan(100_000);
    expect(disagreements).toEqual([]);
  });

  it('a pathological pattern (40 stars) against a 10,000-character SKU that does not match answers in linear time', () => {
    // As a RegExp (`.*a.*a…b`) this backtracks exponentially: 18 stars took 18.8 s.
    const pattern = '*a'.repeat(40) + '*b';
    const sku = 'a'.repeat(10_000);
    expect(globMatches(pattern, sku)).toBe(false);
    expect(globMatches(pattern, sku + 'b')).toBe(true);
    expect(routingRuleMatches({ ...rule, skuPattern: pattern }, { countryCode: 'US', skus: [sku] })).toBe(false);
  });
});
