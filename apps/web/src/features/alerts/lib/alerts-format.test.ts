import type { AlertView } from '../api/alerts.graphql';
import { alertKindLabel, isUrgent, returnPathOf, sortAlerts } from './alerts-format';

const alert = (overrides: Partial<AlertView>): AlertView => ({
  id: 'a',
  kind: 'MCF_TRACKING_HELD',
  severity: 'HIGH',
  status: 'OPEN',
  orderId: 'ord-1',
  accountId: 'acc-w',
  message: 'Tracking held',
  action: 'Check the carrier',
  openedAt: '2026-11-24T07:00:00.000Z',
  resolvedAt: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
  ...overrides,
});

test('most severe first (CRITICAL above HIGH), then the oldest', () => {
  const sorted = sortAlerts([
    alert({ id: 'low', severity: 'LOW' }),
    alert({ id: 'high-new', openedAt: '2026-11-24T08:00:00.000Z' }),
    alert({ id: 'medium', severity: 'MEDIUM' }),
    alert({ id: 'critical', severity: 'CRITICAL', openedAt: '2026-11-24T09:00:00.000Z' }),
    alert({ id: 'high-old', openedAt: '2026-11-24T06:00:00.000Z' }),
  ]);
  expect(sorted.map((a) => a.id)).toEqual(['critical', 'high-old', 'high-new', 'medium', 'low']);
});

test.each([
  ['HIGH', null, true],
  ['CRITICAL', null, true],
  ['MEDIUM', null, false],
  ['HIGH', '2026-11-24T07:20:00.000Z', false],
] as const)('a %s alert resolved at %s is urgent: %s', (severity, resolvedAt, urgent) => {
  expect(isUrgent(alert({ severity, resolvedAt }))).toBe(urgent);
});

test('kinds read as words', () => {
  expect(alertKindLabel('MCF_TRACKING_HELD')).toBe('MCF tracking held');
  expect(alertKindLabel('MCF_NOT_FULFILLED')).toBe('MCF not fulfilled');
  expect(alertKindLabel('LATE_ORIGIN_SCAN')).toBe('Late origin scan');
  expect(alertKindLabel('ADDRESS_MISMATCH')).toBe('Address mismatch: delivered to another address');
  expect(alertKindLabel('UNTRACKABLE_TRACKING')).toBe('Untrackable: the carrier does not know the number');
  expect(alertKindLabel('REFUND_DUE_SOON')).toBe('Refund due soon on a received return');
  expect(alertKindLabel('REFUND_OVERDUE')).toBe('Refund overdue on a received return');
  expect(alertKindLabel('MAILBOX_UNREACHABLE')).toBe('Mailbox cannot be read');
  expect(alertKindLabel('BUYER_MESSAGE_OVERDUE')).toBe('Buyer message not answered in time');
  expect(alertKindLabel('LABEL_VOID_UNSETTLED')).toBe('Label void not finished');
  expect(alertKindLabel('ORDER_QUARANTINED')).toBe('Order the hub could not import');
  expect(alertKindLabel('RETURN_REFUNDED_BY_CHANNEL')).toBe('Return refunded by the channel itself');
});

test('an alert whose action points to a return links to it', () => {
  expect(returnPathOf('Refund it from the return (/returns/3f0c1a52-9d1e-4c55-8a5e-0a1b2c3d4e5f) before then.')).toBe(
    '/returns/3f0c1a52-9d1e-4c55-8a5e-0a1b2c3d4e5f',
  );
  expect(returnPathOf('Ship it as soon as possible, or cancel it.')).toBeNull();
  expect(returnPathOf(null)).toBeNull();
});
