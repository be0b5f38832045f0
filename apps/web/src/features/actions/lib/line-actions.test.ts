import { order, orderLine } from '../test/order-fixtures';
import { cancellationReasons, chosenQuantities, dollarsToCents, liveCancellationViolations } from './line-actions';

test('dollarsToCents reads dollars and cents, nothing else', () => {
  expect(dollarsToCents('12.34')).toBe(1234);
  expect(dollarsToCents('12')).toBe(1200);
  expect(dollarsToCents(' $0.5 ')).toBe(50);
  for (const bad of ['', '1.234', '-1', 'abc', '1,5']) expect(dollarsToCents(bad)).toBeNaN();
});

test('cancellation reasons are the channel current ones; the buyer-request reason only when the buyer asked', () => {
  expect(cancellationReasons('WALMART', false)).toEqual([
    'SELLER_CANCEL_PRICING_ERROR',
    'SELLER_CANCEL_OUT_OF_STOCK',
    'SELLER_CANCEL_FRAUD_STOP_SHIPMENT',
    'SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE',
  ]);
  expect(cancellationReasons('WALMART', true)).toContain('CUSTOMER_REQUESTED_SELLER_TO_CANCEL');
  expect(cancellationReasons('AMAZON', false)).toContain('NoInventory');
  expect(cancellationReasons('AMAZON', false)).not.toContain('SELLER_CANCEL_OUT_OF_STOCK');
});

test('chosenQuantities keeps lines with units', () => {
  expect(chosenQuantities({ '1': '0', '2': '2', '3': '' })).toEqual([{ lineNumber: '2', quantity: 2 }]);
});

test('cancelling more than is open is blocked on that line', () => {
  const shippedOne = order({ lines: [orderLine({ lineNumber: '1', quantityOrdered: 2, quantityShipped: 1 })] });
  const violations = liveCancellationViolations(shippedOne, { '1': '2' }, 'SELLER_CANCEL_OUT_OF_STOCK', new Date('2026-11-21T12:00:00Z'));
  expect(violations.some((v) => v.field === 'lines[0].quantity' && v.severity === 'BLOCK')).toBe(true);
  expect(liveCancellationViolations(shippedOne, { '1': '1' }, 'SELLER_CANCEL_OUT_OF_STOCK', new Date('2026-11-21T12:00:00Z'))).toEqual([]);
});
