import { pushStatus } from '../test/account-fixtures';
import { formatInterval, pollModeText, pushActions, pushHeadline, pushTone } from './push-format';

const NOW = Date.parse('2025-03-10T12:00:00Z');

test('intervals read the way people say them', () => {
  expect(formatInterval(60)).toBe('60 s');
  expect(formatInterval(90)).toBe('90 s');
  expect(formatInterval(180)).toBe('3 min');
  expect(formatInterval(600)).toBe('10 min');
  expect(formatInterval(900)).toBe('15 min');
  expect(formatInterval(150)).toBe('150 s');
  expect(formatInterval(7200)).toBe('2 h');
});

test('pushes on: last event, events today and missed pushes in one line', () => {
  expect(pushHeadline(pushStatus(), NOW)).toBe('Pushes on · last event 2 min ago · 143 today · 0 missed');
  expect(pushHeadline(pushStatus({ lastEventAt: null, eventsToday: 0 }), NOW)).toBe(
    'Pushes on · no event yet · 0 today · 0 missed',
  );
  expect(pushHeadline(pushStatus({ missedToday: 3 }), NOW)).toBe(
    'Pushes on · last event 2 min ago · 143 today · 3 missed',
  );
});

test('pushes off or unavailable name the polling that brings the orders instead', () => {
  const off = pushStatus({ state: 'OFF', pollMode: 'NORMAL', pollIntervalSeconds: 60, subscribedAt: null });
  expect(pushHeadline(off, NOW)).toBe('Pushes off — polling every 60 s');
  expect(pushHeadline({ ...off, available: false, unavailableReason: 'PUBLIC_URL is not set' }, NOW)).toBe(
    'Pushes unavailable — polling every 60 s',
  );
});

test("failed pushes say so in the channel's words", () => {
  expect(pushHeadline(pushStatus({ state: 'FAILED', lastError: 'WALMART 400: eventUrl is not reachable' }), NOW)).toBe(
    'Pushes failed: WALMART 400: eventUrl is not reachable',
  );
  expect(pushHeadline(pushStatus({ state: 'FAILED' }), NOW)).toBe('Pushes failed');
});

test('the poll mode in words', () => {
  expect(pollModeText({ pollMode: 'RECONCILE', pollIntervalSeconds: 600 })).toBe('Polling every 10 min to reconcile');
  expect(pollModeText({ pollMode: 'NORMAL', pollIntervalSeconds: 60 })).toBe('Polling every 60 s');
  expect(pollModeText({ pollMode: 'NORMAL', pollIntervalSeconds: 180 })).toBe('Polling every 3 min');
});

test('amber when a poll found orders no push announced or messages went to dead letters', () => {
  expect(pushTone(pushStatus())).toBe('ok');
  expect(pushTone(pushStatus({ missedToday: 1 }))).toBe('warn');
  expect(pushTone(pushStatus({ transport: 'QUEUE', deadLetters: 2 }))).toBe('warn');
  expect(pushTone(pushStatus({ state: 'FAILED' }))).toBe('bad');
  expect(pushTone(pushStatus({ state: 'OFF' }))).toBe('off');
});

test('an ADMIN turns pushes on when off or failed, and tests or turns them off when on', () => {
  expect(pushActions(pushStatus({ state: 'OFF' }))).toEqual(['subscribe']);
  expect(pushActions(pushStatus({ state: 'FAILED' }))).toEqual(['subscribe', 'unsubscribe']);
  expect(pushActions(pushStatus())).toEqual(['test', 'unsubscribe']);
});
