import { channelFromSlug, compliancePath, reportCsvUrl } from './compliance-route';

test('the channel comes from the path', () => {
  expect(channelFromSlug('amazon')).toBe('AMAZON');
  expect(channelFromSlug('Walmart')).toBe('WALMART');
  expect(channelFromSlug('ebay')).toBeNull();
  expect(channelFromSlug(undefined)).toBeNull();
});

test('paths keep the account', () => {
  expect(compliancePath('AMAZON')).toBe('/compliance/amazon');
  expect(compliancePath('WALMART', 'acc 1')).toBe('/compliance/walmart?account=acc%201');
});

test('the CSV is the report the page shows', () => {
  expect(reportCsvUrl('AMAZON', null, '2026-11-24T09:00:00.000Z')).toBe(
    '/api/compliance/report.csv?channel=AMAZON&asOf=2026-11-24T09%3A00%3A00.000Z',
  );
  expect(reportCsvUrl('WALMART', 'a-1', '2026-11-24T09:00:00.000Z')).toBe(
    '/api/compliance/report.csv?channel=WALMART&accountId=a-1&asOf=2026-11-24T09%3A00%3A00.000Z',
  );
});
