import {
  answeredByWords,
  clockWords,
  findingsWords,
  hoursInWords,
  mailKindWords,
  mailOutcomeWords,
} from './message-words';

test('the clock reads in words: time left, time overdue, answered', () => {
  expect(clockWords({ state: 'OPEN', hoursLeft: 11.6 })).toBe('answer within 11 h');
  expect(clockWords({ state: 'DUE_SOON', hoursLeft: 0.5 })).toBe('answer within 30 min');
  expect(clockWords({ state: 'OVERDUE', hoursLeft: -3.2 })).toBe('overdue by 3 h');
  expect(clockWords({ state: 'OPEN', hoursLeft: 47.5 })).toBe('answer within 47 h');
  expect(clockWords({ state: 'OVERDUE', hoursLeft: -50 })).toBe('overdue by 2 days');
  expect(clockWords({ state: 'ANSWERED', hoursLeft: -10 })).toBe('answered');
});

test('hours read as minutes under one hour, never "0 min"', () => {
  expect(hoursInWords(0)).toBe('1 min');
  expect(hoursInWords(24)).toBe('24 h');
  expect(hoursInWords(-30)).toBe('30 h');
});

test('who answered is said in words', () => {
  expect(answeredByWords('mail:<abc@example.com>')).toBe('your reply seen in Sent');
  expect(answeredByWords('ana@example.com')).toBe('ana@example.com');
  expect(answeredByWords(null)).toBeNull();
});

test('kinds, outcomes and findings read as words', () => {
  expect(mailKindWords('PERFORMANCE_ALERT')).toBe('Performance e-mail');
  expect(mailOutcomeWords('HELD')).toBe('Held for review');
  expect(
    findingsWords({
      trackingNumbers: ['1Z999AA10123456784'],
      orderNumbers: ['1796000000001', '1796000000002'],
      reasons: ['Two orders named'],
    }),
  ).toEqual([
    'Order numbers found: 1796000000001, 1796000000002',
    'Tracking number found: 1Z999AA10123456784',
    'Two orders named',
  ]);
});
