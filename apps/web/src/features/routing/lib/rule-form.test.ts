import { formErrorsOf } from '@/lib/field-errors';
import { GraphQLRequestError } from '@/lib/graphql-client';
import {
  EMPTY_RULE_FORM,
  localRuleErrors,
  parseCountryList,
  parseSkuList,
  RULE_INPUT_PATHS,
  ruleFormValuesOf,
  toRoutingRuleInput,
  withListFields,
} from './rule-form';

test('SKU lists split on commas and new lines, trimmed, without empties or repeats', () => {
  expect(parseSkuList('MUG-1, MUG-2\nTEE-1\r\n,, MUG-1 \n')).toEqual(['MUG-1', 'MUG-2', 'TEE-1']);
  expect(parseSkuList('  ')).toEqual([]);
  expect(parseSkuList('A B')).toEqual(['A B']);
});

test('countries split on commas, spaces and new lines, upper-cased', () => {
  expect(parseCountryList('us, ca\nmx US')).toEqual(['US', 'CA', 'MX']);
  expect(parseCountryList('')).toEqual([]);
});

test('the form becomes a RoutingRuleInput', () => {
  const input = toRoutingRuleInput({
    ...EMPTY_RULE_FORM,
    name: '  Mugs to MCF ',
    accountId: 'acc-w',
    mcfAccountId: 'acc-a',
    priority: '10',
    skus: 'MUG-1\nMUG-2',
    skuPattern: ' MUG-* ',
    countries: 'us',
    requireStock: false,
    applyOnImport: false,
    enabled: false,
  });
  expect(input).toEqual({
    name: 'Mugs to MCF',
    accountId: 'acc-w',
    mcfAccountId: 'acc-a',
    priority: 10,
    skus: ['MUG-1', 'MUG-2'],
    skuPattern: 'MUG-*',
    countries: ['US'],
    requireStock: false,
    applyOnImport: false,
    enabled: false,
  });
  const defaults = toRoutingRuleInput({ ...EMPTY_RULE_FORM, priority: '' });
  expect(defaults).toMatchObject({
    priority: 100,
    skus: [],
    skuPattern: null,
    countries: [],
    requireStock: true,
    applyOnImport: true,
    enabled: true,
  });
});

test('a saved rule round-trips through the form', () => {
  const rule = {
    id: 'r1',
    name: 'Mugs',
    accountId: 'acc-w',
    mcfAccountId: 'acc-a',
    enabled: true,
    priority: 5,
    skus: ['MUG-1', 'MUG-2'],
    skuPattern: null,
    countries: ['US', 'PR'],
    requireStock: true,
    applyOnImport: false,
    routedOrders: 3,
  };
  const values = ruleFormValuesOf(rule);
  expect(values.skus).toBe('MUG-1\nMUG-2');
  const { id: _id, routedOrders: _routed, ...input } = rule;
  expect(toRoutingRuleInput(values)).toEqual(input);
});

test('the browser names missing accounts, a bad priority and bad country codes before asking', () => {
  expect(localRuleErrors(EMPTY_RULE_FORM)).toEqual({
    name: expect.any(String),
    accountId: expect.any(String),
    mcfAccountId: expect.any(String),
  });
  const filled = { ...EMPTY_RULE_FORM, name: 'x', accountId: 'a', mcfAccountId: 'b' };
  expect(localRuleErrors(filled)).toEqual({});
  expect(localRuleErrors({ ...filled, priority: '1.5' }).priority).toMatch(/whole number/);
  expect(localRuleErrors({ ...filled, countries: 'US, USA' }).countries).toMatch(/USA/);
});

test('a message about one list entry (input.countries[1]) goes beside the list input', () => {
  const error = new GraphQLRequestError('input.countries[1]: must be an ISO alpha-2 code', 'BAD_USER_INPUT', [
    {
      message: 'input.countries[1]: must be an ISO alpha-2 code',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.countries[1]' },
    },
  ]);
  expect(formErrorsOf(withListFields(error), RULE_INPUT_PATHS).fields).toEqual({
    countries: 'entry 2: must be an ISO alpha-2 code',
  });
  expect(withListFields(null)).toBeNull();
});
