import type { NotificationDeliveryView } from './notification-views';
import {
  deliveryKindWords,
  deliveryStatusWords,
  kindsWords,
  quietWords,
  scheduleWords,
  severityWords,
  targetWords,
} from './notification-words';
import { checkRuleValues, emailList, newRuleValues, toRuleInput } from './rule-form-values';

const values = (overrides = {}) => ({ ...newRuleValues('America/New_York'), name: 'Night shift', ...overrides });

test('a rule needs a name and someone to tell; bad addresses and URLs are named in words', () => {
  expect(checkRuleValues(newRuleValues('UTC'))).toEqual({
    name: 'Give the rule a name, e.g. Late shipments to the warehouse lead.',
    emails: 'Say who hears of it: people, e-mail addresses or a webhook URL.',
  });
  expect(checkRuleValues(values({ emails: 'ana@example.com, bob(at)example.com' })).emails).toBe(
    'Not an e-mail address: bob(at)example.com.',
  );
  expect(checkRuleValues(values({ webhookUrl: 'hooks.example.com' })).webhookUrl).toMatch(/starts with https:\/\//);
  expect(checkRuleValues(values({ webhookUrl: 'https://hooks example.com/x' })).webhookUrl).toMatch(/names a host/);
  expect(checkRuleValues(values({ webhookUrl: 'https://hooks.example.com/x' }))).toEqual({});
  expect(checkRuleValues(values({ webhookUrl: 'https://hooks.example.com/x', mode: 'DAILY_DIGEST' })).webhookUrl).toBe(
    'A webhook gets each alert as it opens: the daily digest goes by e-mail only.',
  );
});

test('quiet hours need both ends as times, and a digest an hour of the day', () => {
  const errors = checkRuleValues(
    values({ emails: 'a@example.com', quietFrom: '22:00', quietTo: '7', mode: 'DAILY_DIGEST', digestHour: '24' }),
  );
  expect(errors).toEqual({
    quietTo: 'Quiet hours end at a time like 07:00.',
    digestHour: 'The digest hour is from 0 to 23.',
  });
});

test('the input: addresses split, empty choices sent as null, the digest hour only for a digest', () => {
  expect(emailList('ana@example.com;\n bob@example.com ,')).toEqual(['ana@example.com', 'bob@example.com']);
  expect(toRuleInput(values({ emails: 'ana@example.com', kinds: ['PAST_SHIP_BY'] }))).toEqual({
    name: 'Night shift',
    enabled: true,
    kinds: ['PAST_SHIP_BY'],
    minSeverity: 'HIGH',
    channel: null,
    accountId: null,
    emails: ['ana@example.com'],
    userIds: [],
    webhookUrl: null,
    mode: 'IMMEDIATE',
    digestHour: 8,
    quietFrom: null,
    quietTo: null,
    timeZone: 'America/New_York',
  });
  expect(toRuleInput(values({ mode: 'DAILY_DIGEST', digestHour: '7' })).digestHour).toBe(7);
});

test('rules read in words', () => {
  expect(severityWords('HIGH')).toBe('High and critical');
  const choices = [{ kind: 'BUYER_MESSAGE_OVERDUE', label: 'Buyer message not answered in time' }];
  expect(kindsWords([], choices)).toBe('Every alert kind');
  expect(kindsWords(['BUYER_MESSAGE_OVERDUE', 'PAST_SHIP_BY'], choices)).toBe(
    'Buyer message not answered in time, Past ship by',
  );
  expect(scheduleWords({ mode: 'DAILY_DIGEST', digestHour: 7, timeZone: 'America/New_York' })).toBe(
    'Daily digest at 07:00 America/New_York',
  );
  expect(scheduleWords({ mode: 'IMMEDIATE', digestHour: 8, timeZone: 'UTC' })).toBe('Each alert as it opens');
  expect(quietWords({ quietFrom: '22:00', quietTo: '07:00', timeZone: 'UTC' })).toBe(
    'Quiet 22:00–07:00 UTC (critical alerts still go out)',
  );
});

const delivery = (overrides: Partial<NotificationDeliveryView>): NotificationDeliveryView => ({
  id: 'd-1',
  ruleId: 'r-1',
  kind: 'ALERT',
  targetKind: 'WEBHOOK',
  target: 'https://hooks.example.com/x',
  summary: 'Order 1796000000001 past its ship-by date',
  status: 'PENDING',
  attempts: 0,
  createdAt: '2026-12-03T12:00:00Z',
  ...overrides,
});

test('deliveries say what became of them, with the next try in the zone', () => {
  expect(targetWords({ targetKind: 'EMAIL', target: 'ana@example.com' })).toBe('E-mail to ana@example.com');
  expect(targetWords(delivery({}))).toBe('Webhook https://hooks.example.com/x');
  expect(deliveryKindWords({ kind: 'DIGEST', digestDate: '2026-12-03' })).toBe('Digest of 2026-12-03');
  expect(deliveryKindWords({ kind: 'TEST', digestDate: null })).toBe('Test');
  expect(deliveryStatusWords(delivery({}))).toBe('Waiting to be sent');
  expect(deliveryStatusWords(delivery({ status: 'SENT', sentAt: '2026-12-03T12:00:05Z' }), 'America/New_York')).toBe(
    'Sent Dec 3, 07:00 EST',
  );
  expect(
    deliveryStatusWords(
      delivery({ status: 'RETRYING', attempts: 2, nextAttemptAt: '2026-12-03T12:05:00Z' }),
      'America/New_York',
    ),
  ).toBe('Not delivered after 2 tries; trying again Dec 3, 07:05 EST');
  expect(deliveryStatusWords(delivery({ status: 'FAILED', attempts: 6 }))).toBe('Gave up after 6 tries');
  expect(deliveryStatusWords(delivery({ status: 'DEFERRED', nextAttemptAt: '2026-12-03T12:00:00Z' }), 'UTC')).toBe(
    'Held for quiet hours until Dec 3, 12:00 UTC',
  );
});
