import { policyFor } from '@order-hub/rules';
import { amazonReturn, returnLine, returnOf } from '../test/return-fixtures';
import {
  initialDrafts,
  liveReturnRefundViolations,
  refundPlan,
  violationPlace,
  violationsByPlace,
} from './refund-form';

const now = new Date('2026-12-01T12:00:00Z');

test('the form opens on every refundable unit; a line refunded already or in flight starts at 0', () => {
  const ret = returnOf({
    lines: [
      returnLine({ returnLineNumber: '1', quantity: 3, quantityRefunded: 1, quantityRefundable: 2 }),
      returnLine({ returnLineNumber: '2', quantity: 1, quantityRefunded: 0, quantityRefundable: 0 }),
    ],
  });
  expect(initialDrafts(ret)).toEqual({ '1': { quantity: '2' }, '2': { quantity: '0' } });
});

test('Walmart refunds units: no amount is sent, the total is what the hub expects from price and tax', () => {
  const ret = returnOf();
  const plan = refundPlan(ret, { '1': { quantity: '1' } });
  expect(plan.lines).toEqual([{ returnLineNumber: '1', quantity: 1 }]);
  expect(plan.totalCents).toBe(1299 + 104);
  expect(refundPlan(ret, { '1': { quantity: '1.5' } }).badQuantity.has('1')).toBe(true);
  expect(refundPlan(ret, { '1': { quantity: '0' } }).lines).toEqual([]);
});

test('Amazon refunds amounts: the proposal follows the units until an amount is typed', () => {
  const ret = amazonReturn();
  const line = ret.lines[0].returnLineNumber;
  expect(refundPlan(ret, { [line]: { quantity: '1' } }).lines).toEqual([
    { returnLineNumber: line, quantity: 1, amountCents: 2700 },
  ]);
  const edited = refundPlan(ret, { [line]: { quantity: '1', amount: '20.50' } });
  expect(edited.lines[0].amountCents).toBe(2050);
  expect(edited.totalCents).toBe(2050);
  expect(refundPlan(ret, { [line]: { quantity: '1', amount: 'twenty' } }).badAmount.has(line)).toBe(true);
});

test('the rules flag an amount above what was paid beside the line, with the field as the api names it', () => {
  const ret = amazonReturn();
  const line = ret.lines[0].returnLineNumber;
  const plan = refundPlan(ret, { [line]: { quantity: '1', amount: '30.00' } });
  const violations = liveReturnRefundViolations(
    ret,
    plan.lines,
    'CustomerReturn',
    policyFor('AMAZON', 'ATVPDKIKX0DER', now),
  );
  expect(violations.map((v) => [v.code, v.field])).toEqual([
    ['RETURN_REFUND_ABOVE_PAID', 'input.lines[0].amountCents'],
  ]);
  expect(violationsByPlace(violations, plan.lines)[`line:${line}`]?.[0].message).toMatch(/at most \$27\.00/);

  const fine = refundPlan(ret, { [line]: { quantity: '1', amount: '27.00' } });
  expect(
    liveReturnRefundViolations(ret, fine.lines, 'CustomerReturn', policyFor('AMAZON', 'ATVPDKIKX0DER', now)),
  ).toEqual([]);
});

test('more units than are left (a refund on its way counts) is blocked on the line', () => {
  const ret = returnOf({ lines: [returnLine({ quantity: 2, quantityRefunded: 0, quantityRefundable: 1 })] });
  const plan = refundPlan(ret, { '1': { quantity: '2' } });
  const violations = liveReturnRefundViolations(ret, plan.lines, null, policyFor('WALMART', 'US', now));
  expect(violations.map((v) => [v.code, v.field, v.severity])).toEqual([
    ['RETURN_REFUND_ABOVE_RETURNED', 'input.lines[0].quantity', 'BLOCK'],
  ]);
});

test('a violation goes beside the sent line it names, the reason, or the form', () => {
  const sent = [
    { returnLineNumber: '4', quantity: 1 },
    { returnLineNumber: '7', quantity: 1 },
  ];
  expect(violationPlace('input.lines[1].amountCents', sent)).toBe('line:7');
  expect(violationPlace('lines[0].quantity', sent)).toBe('line:4');
  expect(violationPlace('input.lines[5].quantity', sent)).toBe('form');
  expect(violationPlace('input.reason', sent)).toBe('reason');
  expect(violationPlace('input.returnId', sent)).toBe('form');
});
