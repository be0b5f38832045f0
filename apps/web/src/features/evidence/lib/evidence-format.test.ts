import { evidenceFileName, evidenceSummary, formatDuration, formatEvidenceTime } from './evidence-format';

test('instants print exactly, in UTC', () => {
  expect(formatEvidenceTime('2026-11-24T09:12:33.456Z')).toBe('2026-11-24 09:12:33 UTC');
  expect(formatEvidenceTime('2026-11-24T01:00:00-08:00')).toBe('2026-11-24 09:00:00 UTC');
  expect(formatEvidenceTime(null)).toBe('—');
});

test('durations in the unit that reads best', () => {
  expect(formatDuration(840)).toBe('840 ms');
  expect(formatDuration(2300)).toBe('2.3 s');
  expect(formatDuration(1000)).toBe('1 s');
});

test('the summary counts what the record holds', () => {
  expect(
    evidenceSummary({
      channelCalls: [{ attempts: [1, 2] }, { attempts: [1] }],
      shipments: [{ events: [1, 2] }],
      audit: [1, 2, 3, 4],
    }),
  ).toBe('2 channel calls (3 attempts) · 1 shipment, 2 carrier events · 4 audit entries');
  expect(evidenceSummary({ channelCalls: [], shipments: [], audit: [1] })).toBe(
    '0 channel calls (0 attempts) · 0 shipments, 0 carrier events · 1 audit entry',
  );
});

test('the CSV is named after the order', () => {
  expect(evidenceFileName('113-1180832-8644630')).toBe('evidence-113-1180832-8644630.csv');
  expect(evidenceFileName('PO 1/2')).toBe('evidence-PO_1_2.csv');
});
