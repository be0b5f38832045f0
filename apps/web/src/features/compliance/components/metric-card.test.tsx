import { render, screen } from '@testing-library/react';
import type { ComplianceMetricView } from '../api/compliance.graphql';
import { MetricCard } from './metric-card';

const metric = (overrides: Partial<ComplianceMetricView>): ComplianceMetricView => ({
  key: 'LATE_SHIPMENT_RATE_10D',
  category: null,
  label: 'Late shipment rate (10 days)',
  value: 100 / 3,
  numerator: 3,
  denominator: 9,
  threshold: 4,
  comparator: 'BELOW',
  status: 'FAILING',
  defects: 'NUMERATOR',
  windowDays: 10,
  windowStart: '2026-11-14T12:00:00.000Z',
  windowEnd: '2026-11-24T12:00:00.000Z',
  policyVersion: 'amazon-2025-01-15',
  exclusions: [{ reason: 'CHANNEL_FULFILLED', count: 5 }],
  projection: {
    openOrders: 9,
    valueIfAllMiss: (12 / 18) * 100,
    statusIfAllMiss: 'FAILING',
    mustShipOnTime: null,
    latestShipBy: '2026-11-26T18:00:00.000Z',
  },
  trend: [],
  ...overrides,
});

test('a failing metric: value, ratio, standard, status in words, exclusions and what the open orders decide', () => {
  render(<MetricCard metric={metric({})} />);
  const card = screen.getByTestId('metric-card');
  expect(card.dataset.status).toBe('FAILING');
  expect(card.className).toContain('metric-failing');
  expect(screen.getByTestId('metric-status').textContent).toBe('Failing');
  expect(screen.getByTestId('metric-value').textContent).toBe('33.33%');
  expect(screen.getByTestId('metric-ratio').textContent).toBe('3 of 9');
  expect(screen.getByTestId('metric-threshold').textContent).toBe('Standard < 4%');
  expect(screen.getByTestId('metric-policy').textContent).toBe('amazon-2025-01-15');
  expect(screen.getByTestId('metric-exclusions').textContent).toBe('Channel fulfilled: 5');
  expect(screen.getByTestId('metric-projection').textContent).toBe(
    'Even if all 9 open orders ship on time, the rate cannot reach < 4%.',
  );
});

test('nothing measured: N/A with the reason, no exclusions or projection shown', () => {
  render(
    <MetricCard
      metric={metric({
        key: 'VALID_TRACKING_RATE',
        label: 'Valid tracking rate',
        category: 'Toys',
        value: null,
        numerator: 0,
        denominator: 0,
        status: 'NOT_APPLICABLE',
        exclusions: [],
        projection: null,
        threshold: 95,
        comparator: 'AT_LEAST',
      })}
    />,
  );
  expect(screen.getByTestId('metric-card').dataset.cardId).toBe('VALID_TRACKING_RATE:Toys');
  expect(screen.getByTestId('metric-category').textContent).toBe('Toys');
  expect(screen.getByTestId('metric-value').textContent).toBe('N/A — no eligible shipments');
  expect(screen.getByTestId('metric-status').textContent).toBe('Not applicable');
  expect(screen.queryByTestId('metric-exclusions')).toBeNull();
  expect(screen.queryByTestId('metric-projection')).toBeNull();
});

test('on-time delivery without carrier events says "no data"', () => {
  render(
    <MetricCard
      metric={metric({
        key: 'ON_TIME_DELIVERY_RATE',
        value: null,
        numerator: 0,
        denominator: 0,
        status: 'NOT_APPLICABLE',
        threshold: 90,
        comparator: 'ABOVE',
      })}
    />,
  );
  expect(screen.getByTestId('metric-value').textContent).toBe('no data');
  expect(screen.getByTestId('metric-threshold').textContent).toBe('Standard > 90%');
});
