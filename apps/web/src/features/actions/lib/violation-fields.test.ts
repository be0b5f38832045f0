import { GraphQLRequestError } from '@/lib/graphql-client';
import { SHIPMENT_INPUTS } from './shipment-form';
import {
  fieldKeyOf,
  hasBlock,
  mergeViolations,
  type ViolationLike,
  violationsByField,
  violationsOfError,
} from './violation-fields';

const v = (code: string, field: string, severity: 'BLOCK' | 'WARN' = 'BLOCK'): ViolationLike => ({
  code,
  field,
  severity,
  message: `${code} on ${field}`,
});

describe('fieldKeyOf', () => {
  test('a line index means the i-th line sent, named by its line number', () => {
    expect(fieldKeyOf('lines[1].quantity', ['3', '7'], SHIPMENT_INPUTS)).toBe('line:7');
    expect(fieldKeyOf('lines[0].lineNumber', ['3'], SHIPMENT_INPUTS)).toBe('line:3');
    expect(fieldKeyOf('lines[5].quantity', ['3'], SHIPMENT_INPUTS)).toBe('form');
  });

  test('known inputs keep their name, with or without the input. prefix; the rest is the form', () => {
    expect(fieldKeyOf('trackingNumber', [], SHIPMENT_INPUTS)).toBe('trackingNumber');
    expect(fieldKeyOf('input.trackingUrl', [], SHIPMENT_INPUTS)).toBe('trackingUrl');
    expect(fieldKeyOf('package.weightOz', [], SHIPMENT_INPUTS)).toBe('package.weightOz');
    expect(fieldKeyOf('order.status', [], SHIPMENT_INPUTS)).toBe('form');
  });
});

test('violationsByField groups by input, BLOCK first, each sentence once', () => {
  const grouped = violationsByField(
    [
      v('TRACKING_REUSED', 'trackingNumber', 'WARN'),
      v('TRACKING_CHECK_DIGIT', 'trackingNumber'),
      v('TRACKING_CHECK_DIGIT', 'trackingNumber'),
      v('QUANTITY_ABOVE_OPEN', 'lines[0].quantity'),
    ],
    ['2'],
    SHIPMENT_INPUTS,
  );
  expect(grouped.trackingNumber.map((x) => x.code)).toEqual(['TRACKING_CHECK_DIGIT', 'TRACKING_REUSED']);
  expect(grouped['line:2'].map((x) => x.code)).toEqual(['QUANTITY_ABOVE_OPEN']);
});

test('mergeViolations keeps the server sentence for a code and field both report', () => {
  const server = [{ ...v('TRACKING_CHECK_DIGIT', 'trackingNumber'), message: 'from the server' }];
  const merged = mergeViolations(server, [
    v('TRACKING_CHECK_DIGIT', 'trackingNumber'),
    v('SHIP_DATE_IN_FUTURE', 'shippedAt'),
  ]);
  expect(merged.map((x) => x.message)).toEqual(['from the server', 'SHIP_DATE_IN_FUTURE on shippedAt']);
  expect(hasBlock(merged)).toBe(true);
  expect(hasBlock([v('X', 'trackingNumber', 'WARN')])).toBe(false);
});

test('violationsOfError reads extensions.violations of RULE_VIOLATION only', () => {
  const violations = [v('AMAZON_LOGISTICS_ON_WALMART', 'carrier'), { code: 'broken' }];
  const ruleError = new GraphQLRequestError('Blocked', 'RULE_VIOLATION', [
    { message: 'Blocked', extensions: { code: 'RULE_VIOLATION', violations } },
  ]);
  expect(violationsOfError(ruleError)).toEqual([violations[0]]);
  expect(
    violationsOfError(
      new GraphQLRequestError('Moved', 'CONFLICT', [{ message: 'Moved', extensions: { code: 'CONFLICT' } }]),
    ),
  ).toEqual([]);
  expect(violationsOfError(new Error('x'))).toEqual([]);
  expect(violationsOfError(null)).toEqual([]);
});
