import { linesNeedingCancelOverride } from '@order-hub/rules/channels';
import { order, orderLine } from '@/features/shared/test/order-fixtures';
import {
  buyerRequestedCancel,
  cancellationReasons,
  cancelsWholeItems,
  chosenQuantities,
  dollarsToCents,
  liveCancellationViolations,
} from './line-actions';

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
  const violations = liveCancellationViolations(
    shippedOne,
    { '1': '2' },
    'SELLER_CANCEL_OUT_OF_STOCK',
    new Date('2026-11-21T12:00:00Z'),
  );
  expect(violations.some((v) => v.field === 'lines[0].quantity' && v.severity === 'BLOCK')).toBe(true);
  expect(
    liveCancellationViolations(
      shippedOne,
      { '1': '1' },
      'SELLER_CANCEL_OUT_OF_STOCK',
      new Date('2026-11-21T12:00:00Z'),
    ),
  ).toEqual([]);
});

test('Amazon cancels whole items: part of an item is blocked in the dialog, as the api would refuse it', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  const twoUnits = order({ channel: 'AMAZON', lines: [orderLine({ lineNumber: '1', quantityOrdered: 2 })] });
  expect(cancelsWholeItems(twoUnits, now)).toBe(true);
  expect(cancelsWholeItems({ ...twoUnits, channel: 'WALMART' }, now)).toBe(false);
  expect(liveCancellationViolations(twoUnits, { '1': '1' }, 'NoInventory', now).map((v) => v.code)).toEqual([
    'CANCEL_PARTIAL_ITEM',
  ]);
  expect(liveCancellationViolations(twoUnits, { '1': '2' }, 'NoInventory', now)).toEqual([]);
});

test('the buyer asked to cancel when the order or any line says so; Walmart lines to cancel are listed for the ship dialog', () => {
  expect(buyerRequestedCancel(order())).toBe(false);
  expect(buyerRequestedCancel(order({ cancellationRequested: true }))).toBe(true);
  const lineAsked = order({
    lines: [orderLine({ lineNumber: '1' }), orderLine({ lineNumber: '2', cancellationRequested: true })],
  });
  expect(buyerRequestedCancel(lineAsked)).toBe(true);
  expect(cancellationReasons('WALMART', buyerRequestedCancel(lineAsked))).toContain(
    'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
  );
  expect(linesNeedingCancelOverride(lineAsked).map((line) => line.lineNumber)).toEqual(['2']);
  expect(linesNeedingCancelOverride({ ...lineAsked, channel: 'AMAZON' })).toEqual([]);
});

test('the buyer-request reason is refused live on a line the buyer did not ask to cancel, as the api would refuse it', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  const lineAsked = order({
    lines: [orderLine({ lineNumber: '1' }), orderLine({ lineNumber: '2', cancellationRequested: true })],
  });
  const reason = 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL';
  expect(liveCancellationViolations(lineAsked, { '2': '1' }, reason, now)).toEqual([]);
  expect(liveCancellationViolations(lineAsked, { '1': '1', '2': '1' }, reason, now)).toEqual([
    expect.objectContaining({
      code: 'CANCEL_REASON_REQUIRES_BUYER_REQUEST',
      severity: 'BLOCK',
      field: 'lines[0].reason',
    }),
  ]);
});
