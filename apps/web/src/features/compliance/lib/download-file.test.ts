import { fileNameFrom } from './download-file';

test('the server names the file', () => {
  expect(fileNameFrom('attachment; filename="compliance-AMAZON-2026-11-24.csv"', 'report.csv')).toBe(
    'compliance-AMAZON-2026-11-24.csv',
  );
  expect(fileNameFrom("attachment; filename*=UTF-8''evidence%20123.csv", 'evidence.csv')).toBe('evidence 123.csv');
  expect(fileNameFrom('attachment; filename=plain.csv', 'x.csv')).toBe('plain.csv');
});

test('without a name the fallback is used', () => {
  expect(fileNameFrom(null, 'report.csv')).toBe('report.csv');
  expect(fileNameFrom('attachment', 'report.csv')).toBe('report.csv');
});
