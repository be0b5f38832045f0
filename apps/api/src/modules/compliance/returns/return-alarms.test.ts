import {
  refundClockKeys,
  refundedByChannelKey,
  returnAlarms,
  returnRateAlarm,
  type ClockReturn,
} from './return-alarms';
import type { ReturnRateFigure } from './returns-report.service';

const HOUR = 3_600_000;
const receivedAt = new Date('2026-12-01T18:00:00Z');
const at = (hours: number) => new Date(receivedAt.getTime() + hours * HOUR);

const walmartReturn = (overrides: Partial<ClockReturn> = {}): ClockReturn => ({
  id: 'ret-1',
  accountId: 'acc-w',
  channel: 'WALMART',
  channelReturnId: '77001234',
  channelOrderId: '108829',
  orderId: 'ord-1',
  status: 'RECEIVED',
  receivedAt,
  refundedAt: null,
  refundedBy: null,
  account: { name: 'Walmart US', timeZone: 'America/Los_Angeles' },
  ...overrides,
});

test('37 h after receipt (11 h left of 48): due soon, HIGH, with the time left and the due time in the account zone', () => {
  const [alarm, ...rest] = returnAlarms([walmartReturn()], at(37));
  expect(rest).toEqual([]);
  expect(alarm).toMatchObject({
    kind: 'REFUND_DUE_SOON',
    severity: 'HIGH',
    conditionKey: refundClockKeys('ret-1').dueSoon,
    orderId: 'ord-1',
    accountId: 'acc-w',
  });
  expect(alarm.message).toBe(
    'Return 77001234 of Walmart order 108829 (Walmart US), received Dec 1, 2026, 10:00 AM PST, must be refunded within 11 h 0 min (by Dec 3, 2026, 10:00 AM PST). Walmart refunds it itself once 48 h have passed, and that counts against you.',
  );
  expect(alarm.action).toBe('Refund it from the return (/returns/ret-1) before then.');
});

test('more than 12 h left raises nothing; a return not yet received raises nothing', () => {
  expect(returnAlarms([walmartReturn()], at(35.9))).toEqual([]);
  expect(returnAlarms([walmartReturn({ receivedAt: null, status: 'IN_TRANSIT' })], at(100))).toEqual([]);
});

test('49 h after receipt: overdue by 1 h, CRITICAL, under its own key', () => {
  const [alarm] = returnAlarms([walmartReturn()], at(49));
  expect(alarm).toMatchObject({
    kind: 'REFUND_OVERDUE',
    severity: 'CRITICAL',
    conditionKey: refundClockKeys('ret-1').overdue,
  });
  expect(alarm.message).toContain('was due for a refund by Dec 3, 2026, 10:00 AM PST: overdue by 1 h 0 min.');
  expect(alarm.action).toBe('Refund it now from the return (/returns/ret-1).');
});

test('refunded by the seller in time: nothing', () => {
  expect(
    returnAlarms([walmartReturn({ status: 'REFUNDED', refundedAt: at(20), refundedBy: 'SELLER' })], at(49)),
  ).toEqual([]);
});

test('Walmart refunded it itself: MEDIUM, says when and that it counts, open for 7 days after the refund', () => {
  const refunded = walmartReturn({ status: 'REFUNDED', refundedAt: at(48), refundedBy: 'CHANNEL' });
  const [alarm] = returnAlarms([refunded], at(50));
  expect(alarm).toMatchObject({
    kind: 'RETURN_REFUNDED_BY_CHANNEL',
    severity: 'MEDIUM',
    conditionKey: refundedByChannelKey('ret-1'),
  });
  expect(alarm.message).toMatch(
    /^Walmart refunded return 77001234 of Walmart order 108829 itself 48 h after receipt \(received .*, refunded .*\); it counts against your refund standards\.$/,
  );
  expect(returnAlarms([refunded], at(48 + 7 * 24 - 1))).toHaveLength(1);
  expect(returnAlarms([refunded], at(48 + 7 * 24 + 1))).toEqual([]);
});

test('a channel without a refund clock (Amazon) raises nothing, however long it has been', () => {
  expect(returnAlarms([walmartReturn({ channel: 'AMAZON' })], at(200))).toEqual([]);
});

test('the return rate alarms like the other metrics when at risk or failing, and not when OK or unmeasured', () => {
  const rate = (status: ReturnRateFigure['status'], percent: number | null): ReturnRateFigure => ({
    label: 'Return rate (delivered orders returned)',
    returned: 7,
    delivered: 100,
    percent,
    threshold: 6,
    comparator: 'AT_MOST',
    status,
    source: 'Walmart',
    returnedOrders: [],
  });
  const account = { id: 'acc-w', name: 'Walmart US' };
  expect(returnRateAlarm(account, rate('FAILING', 7), 60, 'walmart-2026-01-29')).toEqual({
    kind: 'COMPLIANCE_METRIC',
    severity: 'HIGH',
    conditionKey: 'metric:acc-w:RETURN_RATE',
    accountId: 'acc-w',
    message:
      'Return rate (delivered orders returned) of Walmart US is failing: 7.00% (7 of 100 delivered orders, 60 days) against AT_MOST 6% (walmart-2026-01-29).',
    action: 'Open the compliance report: the returned orders and the returns by reason are behind it.',
  });
  expect(returnRateAlarm(account, rate('AT_RISK', 5.5), 60, 'v')?.severity).toBe('MEDIUM');
  expect(returnRateAlarm(account, rate('OK', 2), 60, 'v')).toBeNull();
  expect(returnRateAlarm(account, rate('NOT_APPLICABLE', null), 60, 'v')).toBeNull();
  expect(returnRateAlarm(account, null, 60, 'v')).toBeNull();
});
