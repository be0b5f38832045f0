import { defectRateLine, healthSentence, metricsNeedingAttention, metricsSentence } from './health-summary';

const metric = (
  key: string,
  status: 'OK' | 'AT_RISK' | 'FAILING' | 'NOT_APPLICABLE',
  value: number | null,
  threshold: number | null,
  comparator: 'AT_LEAST' | 'BELOW' | null,
) => ({
  key,
  status,
  value,
  threshold,
  comparator,
});

test('the sentence counts failing and at-risk metrics, else says all meet their standards', () => {
  expect(metricsSentence([{ status: 'FAILING' }, { status: 'FAILING' }, { status: 'AT_RISK' }, { status: 'OK' }])).toBe(
    '2 metrics failing, 1 at risk',
  );
  expect(metricsSentence([{ status: 'AT_RISK' }, { status: 'OK' }])).toBe('1 metric at risk');
  expect(metricsSentence([{ status: 'FAILING' }])).toBe('1 metric failing');
  expect(metricsSentence([{ status: 'OK' }, { status: 'OK' }, { status: 'NOT_APPLICABLE' }])).toBe(
    'All 2 measured metrics meet their standards',
  );
  expect(metricsSentence([{ status: 'NOT_APPLICABLE' }])).toBe('Nothing to measure yet');
});

test("the channel's Account Health Rating follows, per account when there are several", () => {
  const metrics = [{ status: 'FAILING' as const }, { status: 'FAILING' as const }, { status: 'AT_RISK' as const }];
  expect(healthSentence(metrics, null)).toBe('2 metrics failing, 1 at risk.');
  expect(healthSentence(metrics, [])).toBe('2 metrics failing, 1 at risk.');
  expect(healthSentence(metrics, [{ accountName: 'Main', rating: 'GREAT' }])).toBe(
    '2 metrics failing, 1 at risk; Account Health Rating: Great.',
  );
  expect(
    healthSentence(metrics, [
      { accountName: 'Main', rating: 'GREAT' },
      { accountName: 'Outlet', rating: 'WARNED' },
    ]),
  ).toBe('2 metrics failing, 1 at risk; Account Health Rating: Great (Main), Warned (Outlet).');
});

test('the band lists failing then at-risk metrics by severity, not definition order', () => {
  const listed = metricsNeedingAttention([
    metric('VALID_TRACKING_RATE', 'AT_RISK', 95.5, 95, 'AT_LEAST'),
    metric('LATE_SHIPMENT_RATE_10D', 'FAILING', 5, 4, 'BELOW'),
    metric('REFUND_RATE', 'NOT_APPLICABLE', 1, null, null),
    metric('PRE_FULFILLMENT_CANCEL_RATE', 'FAILING', 12, 2.5, 'BELOW'),
    metric('ON_TIME_DELIVERY_RATE', 'OK', 99, 90, 'AT_LEAST'),
  ]);
  expect(listed.map((m) => m.key)).toEqual([
    'PRE_FULFILLMENT_CANCEL_RATE',
    'LATE_SHIPMENT_RATE_10D',
    'VALID_TRACKING_RATE',
  ]);
});

test("Amazon's defect rate reads in percent with its target in words", () => {
  expect(defectRateLine(0.4166, 1, 'LESS_THAN')).toBe('0.42% (target: below 1%)');
});
