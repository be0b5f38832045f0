import type { AlertView } from '../api/alerts.graphql';
import { alertKindLabel, openHighCount, sortAlerts } from './alerts-format';

const alert = (overrides: Partial<AlertView>): AlertView => ({
  id: 'a',
  kind: 'MCF_TRACKING_HELD',
  severity: 'HIGH',
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

test('most severe first, then the oldest', () => {
  const sorted = sortAlerts([
    alert({ id: 'low', severity: 'LOW' }),
    alert({ id: 'high-new', openedAt: '2026-11-24T08:00:00.000Z' }),
    alert({ id: 'medium', severity: 'MEDIUM' }),
    alert({ id: 'high-old', openedAt: '2026-11-24T06:00:00.000Z' }),
  ]);
  expect(sorted.map((a) => a.id)).toEqual(['high-old', 'high-new', 'medium', 'low']);
});

test('the header counts open HIGH alerts, acknowledged or not', () => {
  expect(
    openHighCount([
      alert({ id: '1' }),
      alert({ id: '2', acknowledgedAt: '2026-11-24T07:10:00.000Z' }),
      alert({ id: '3', severity: 'MEDIUM' }),
      alert({ id: '4', resolvedAt: '2026-11-24T07:20:00.000Z' }),
    ]),
  ).toBe(2);
});

test('kinds read as words', () => {
  expect(alertKindLabel('MCF_TRACKING_HELD')).toBe('MCF tracking held');
  expect(alertKindLabel('MCF_NOT_FULFILLED')).toBe('MCF not fulfilled');
});
