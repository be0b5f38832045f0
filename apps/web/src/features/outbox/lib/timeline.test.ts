import { outboxEntry } from '@/features/shared/test/order-fixtures';
import { mergeTimeline, outboxPollInterval } from './timeline';

const event = (id: string, occurredAt: string) => ({
  id,
  occurredAt,
  actor: 'token:ops',
  action: 'SHIP',
  before: null,
  after: null,
});

test('audit events and outbox entries merge by time, oldest first; at the same instant the event comes first', () => {
  const items = mergeTimeline(
    [event('a2', '2026-11-20T11:00:00.000Z'), event('a1', '2026-11-20T09:00:00.000Z')],
    [
      outboxEntry({ id: 'o2', createdAt: '2026-11-20T12:00:00.000Z' }),
      outboxEntry({ id: 'o1', createdAt: '2026-11-20T11:00:00.000Z' }),
    ],
  );
  expect(items.map((item) => item.id)).toEqual(['audit:a1', 'audit:a2', 'outbox:o1', 'outbox:o2']);
  expect(items[2]).toMatchObject({ kind: 'outbox', at: '2026-11-20T11:00:00.000Z' });
});

test('outbox entries queued in the same instant keep the api order (acknowledge before ship)', () => {
  const at = '2026-11-20T11:00:00.000Z';
  const items = mergeTimeline(
    [],
    [
      outboxEntry({ id: 'z-ack', operation: 'ACKNOWLEDGE', createdAt: at }),
      outboxEntry({ id: 'a-ship', operation: 'SHIP', createdAt: at }),
    ],
  );
  expect(items.map((item) => item.id)).toEqual(['outbox:z-ack', 'outbox:a-ship']);
});

test('the order page polls fast while a call is in flight or due soon, slowly during a long backoff, never once all settled', () => {
  const now = Date.parse('2026-11-20T11:00:00.000Z');
  const inSeconds = (s: number) => new Date(now + s * 1000).toISOString();
  expect(outboxPollInterval([{ status: 'SENDING', nextAttemptAt: inSeconds(600) }], now)).toBe(1_500);
  expect(outboxPollInterval([{ status: 'PENDING', nextAttemptAt: inSeconds(-1) }], now)).toBe(1_500);
  expect(outboxPollInterval([{ status: 'PENDING', nextAttemptAt: inSeconds(300) }], now)).toBe(15_000);
  expect(
    outboxPollInterval(
      [
        { status: 'DELIVERED', nextAttemptAt: inSeconds(0) },
        { status: 'FAILED', nextAttemptAt: inSeconds(0) },
      ],
      now,
    ),
  ).toBe(false);
});

test("notes from elsewhere (a return's steps) take their place by time", () => {
  const at = '2026-11-20T10:00:00.000Z';
  const items = mergeTimeline(
    [],
    [],
    [
      { id: 'r:received', at, text: 'Return 1: The item came back' },
      { id: 'r:requested', at: '2026-11-19T10:00:00.000Z', text: 'Return 1: The buyer asked to return it' },
    ],
  );
  expect(items.map((item) => [item.kind, item.id])).toEqual([
    ['note', 'note:r:requested'],
    ['note', 'note:r:received'],
  ]);
});
