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
  carrierData: { usesCarrierData: false, asOf: null, note: 'Not based on carrier scans' },
  awaitingFirstScan: 0,
  trackingValidByConstruction: null,
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
  expect(screen.getByTestId('metric-threshold').textContent).toBe('Standard: below 4%');
  expect(screen.getByTestId('metric-policy').textContent).toBe('amazon-2025-01-15');
  expect(screen.getByTestId('metric-exclusions').textContent).toBe('Channel fulfilled: 5');
  expect(screen.getByTestId('metric-projection').textContent).toBe(
    'Even if all 9 open orders ship on time, the rate cannot meet the standard (below 4%).',
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
  expect(screen.getByTestId('metric-threshold').textContent).toBe('Standard: above 90%');
});

test('a metric read from carrier scans says as of when, in the account’s time zone, and how many await a first scan', () => {
  render(
    <MetricCard
      timeZone="America/Chicago"
      metric={metric({
        key: 'VALID_TRACKING_RATE',
        label: 'Valid tracking rate',
        value: 90,
        numerator: 9,
        denominator: 10,
        status: 'FAILING',
        projection: null,
        carrierData: {
          usesCarrierData: true,
          asOf: '2026-12-03T18:00:00.000Z',
          note: 'Carrier scans as of 3 Dec 18:00',
        },
        awaitingFirstScan: 3,
        trackingValidByConstruction: 4,
      })}
    />,
  );
  const line = screen.getByTestId('metric-carrier-data');
  expect(line.textContent).toBe('Carrier scans as of Dec 3, 12:00 CST');
  expect(line.dataset.usesCarrierData).toBe('true');
  expect(screen.getByTestId('metric-awaiting-first-scan').textContent).toBe(
    '3 shipments awaiting their first carrier scan (not in the rate until they scan or their window ends)',
  );
  expect(screen.getByTestId('metric-bought-labels').textContent).toMatch(/^4 shipments with a label bought in the hub/);
});

test('with no tracking provider the card says it checks the format only; a metric not read from scans says so', () => {
  const { unmount } = render(
    <MetricCard
      metric={metric({
        key: 'VALID_TRACKING_RATE',
        label: 'Valid tracking rate (no carrier data)',
        value: null,
        status: 'NOT_APPLICABLE',
        carrierData: { usesCarrierData: true, asOf: null, note: 'No carrier data: format check only' },
      })}
    />,
  );
  expect(screen.getByTestId('metric-carrier-data').textContent).toBe('No carrier data: format check only');
  expect(screen.queryByTestId('metric-awaiting-first-scan')).toBeNull();
  unmount();
  render(<MetricCard metric={metric({})} />);
  expect(screen.getByTestId('metric-carrier-data').textContent).toBe('Not based on carrier scans');
});

test('the address mismatch metric: its rate and count over 30 days, "no data" before any delivery', () => {
  const { unmount } = render(
    <MetricCard
      metric={metric({
        key: 'ADDRESS_MISMATCH_RATE',
        label: 'Address mismatch rate',
        value: 2.5,
        numerator: 1,
        denominator: 40,
        threshold: null,
        comparator: null,
        status: 'OK',
        windowDays: 30,
        exclusions: [{ reason: 'LOCATION_UNKNOWN', count: 2 }],
        projection: null,
        carrierData: { usesCarrierData: true, asOf: '2026-12-03T18:00:00.000Z', note: '' },
      })}
    />,
  );
  expect(screen.getByTestId('metric-value').textContent).toBe('2.5%');
  expect(screen.getByTestId('metric-ratio').textContent).toBe('1 of 40');
  expect(screen.getByTestId('metric-threshold').textContent).toBe('No published standard');
  expect(screen.getByTestId('metric-exclusions').textContent).toBe('Location unknown: 2');
  unmount();
  render(<MetricCard metric={metric({ key: 'ADDRESS_MISMATCH_RATE', value: null, numerator: 0, denominator: 0 })} />);
  expect(screen.getByTestId('metric-value').textContent).toBe('no data');
});
