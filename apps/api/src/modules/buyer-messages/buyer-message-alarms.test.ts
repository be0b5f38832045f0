import { buyerMessageAlarmKeys, buyerMessageAlarms, type AlarmedMessage } from './buyer-message-alarms';
import { baseSubject } from './seller-reply.handler';

const HOUR = 3_600_000;
const receivedAt = new Date('2026-12-01T18:00:00Z');
const at = (hours: number) => new Date(receivedAt.getTime() + hours * HOUR);

const walmartMessage = (overrides: Partial<AlarmedMessage> = {}): AlarmedMessage => ({
  id: 'msg-1',
  channel: 'WALMART',
  kind: 'BUYER_MESSAGE',
  accountId: 'acc-w',
  orderId: 'ord-1',
  subject: 'Where is my order?',
  fromAddress: 'abc@relay.walmart.com',
  receivedAt,
  answeredAt: null,
  account: { name: 'Walmart US', timeZone: 'America/Los_Angeles' },
  channelOrderId: '1796277083022',
  ...overrides,
});

test('36 h after receipt (12 h left of 48): due soon, HIGH, in the account zone, with the reply page', () => {
  const [alarm, ...rest] = buyerMessageAlarms([walmartMessage()], at(36));
  expect(rest).toEqual([]);
  expect(alarm).toMatchObject({
    kind: 'BUYER_MESSAGE_DUE_SOON',
    severity: 'HIGH',
    conditionKey: buyerMessageAlarmKeys('msg-1').dueSoon,
    orderId: 'ord-1',
    accountId: 'acc-w',
  });
  expect(alarm.message).toBe(
    'The Walmart buyer message to Walmart US about Walmart order 1796277083022 ("Where is my order?", from abc@relay.walmart.com, received Dec 1, 2026, 10:00 AM PST) must be answered within 12 h 0 min (by Dec 3, 2026, 10:00 AM PST). Walmart expects an answer within 48 h.',
  );
  expect(alarm.action).toMatch(
    /^Answer it on Walmart's reply page \(https:\/\/seller\.walmart\.com\/.*1796277083022.*\); the hub sees your reply in Sent\.$/,
  );
});

test('more than the warning hours left, answered, or a performance e-mail (alarmed as a channel warning): nothing', () => {
  expect(buyerMessageAlarms([walmartMessage()], at(35.9))).toEqual([]);
  expect(buyerMessageAlarms([walmartMessage({ answeredAt: at(60) })], at(50))).toEqual([]);
  expect(buyerMessageAlarms([walmartMessage({ kind: 'PERFORMANCE_ALERT' })], at(30))).toEqual([]);
});

test('past the deadline: overdue, CRITICAL; Amazon runs 24 h; a message with no account or order still alarms, in UTC', () => {
  const [overdue] = buyerMessageAlarms([walmartMessage()], at(49));
  expect(overdue).toMatchObject({ kind: 'BUYER_MESSAGE_OVERDUE', severity: 'CRITICAL' });
  expect(overdue.conditionKey).toBe(buyerMessageAlarmKeys('msg-1').overdue);
  expect(overdue.message).toContain('overdue by 1 h 0 min');
  const [amazon] = buyerMessageAlarms(
    [walmartMessage({ channel: 'AMAZON', account: null, accountId: null, orderId: null, channelOrderId: null })],
    at(25),
  );
  expect(amazon.kind).toBe('BUYER_MESSAGE_OVERDUE');
  expect(amazon.message).toMatch(/^The Amazon buyer message \("Where is my order\?".* UTC\)/);
  expect(amazon.message).toContain('Amazon expects an answer within 24 h.');
});

test('a reply subject matches its message whatever its prefixes, case and spaces', () => {
  expect(baseSubject('RE: Re:  Where is my   order?')).toBe(baseSubject('Where is my order?'));
  expect(baseSubject('AW: Frage')).toBe('frage');
  expect(baseSubject('Fwd: Where is my order?')).not.toBe(baseSubject('Where is my order?'));
});
