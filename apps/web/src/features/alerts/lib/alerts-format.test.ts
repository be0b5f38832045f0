import type { AlertView } from '../api/alerts.graphql';
import { alertKindLabel, isUrgent, sortAlerts } from './alerts-format';

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
});
