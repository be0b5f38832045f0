import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import type { OutboxEntryView } from '@/features/shared/api/outbox-entry.graphql';

export type TimelineItem =
  | { kind: 'audit'; at: string; id: string; event: OrderDetail['auditEvents'][number] }
  | { kind: 'outbox'; at: string; id: string; entry: OutboxEntryView }
  | { kind: 'note'; at: string; id: string; text: string };

/** Something another part of the hub knows happened to the order (a return's steps), told in words. */
export interface TimelineNote {
  id: string;
  at: string;
  text: string;
}

/**
 * Audit events (at `occurredAt`) and outbox entries (at `createdAt`) in one list, oldest first. At the
 * same instant the audit event comes first (the hub records the change, then queues the channel call),
 * and entries of one kind keep the api's order (an order's outbox rows go out in that sequence).
 */
export function mergeTimeline(
  events: readonly OrderDetail['auditEvents'][number][],
  outbox: readonly OutboxEntryView[],
  notes: readonly TimelineNote[] = [],
): TimelineItem[] {
  const items: TimelineItem[] = [
    ...events.map((event) => ({ kind: 'audit' as const, at: event.occurredAt, id: `audit:${event.id}`, event })),
    ...outbox.map((entry) => ({ kind: 'outbox' as const, at: entry.createdAt, id: `outbox:${entry.id}`, entry })),
    ...notes.map((note) => ({ kind: 'note' as const, at: note.at, id: `note:${note.id}`, text: note.text })),
  ];
  const order = (item: TimelineItem) => (item.kind === 'audit' ? 0 : item.kind === 'outbox' ? 1 : 2);
  // Array.prototype.sort is stable: ties of the same kind stay as the api listed them.
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || order(a) - order(b));
}

const FAST_POLL_MS = 1_500;
const SLOW_POLL_MS = 15_000;

/**
 * How often the order page refetches: every 1.5 s while a call is in flight or due within 15 s, every
 * 15 s while one waits out a longer backoff, not at all once every call has settled.
 */
export function outboxPollInterval(
  outbox: readonly Pick<OutboxEntryView, 'status' | 'nextAttemptAt'>[],
  now: number,
): number | false {
  const waiting = outbox.filter((entry) => entry.status === 'PENDING' || entry.status === 'SENDING');
  if (waiting.length === 0) return false;
  const soon = waiting.some(
    (entry) => entry.status === 'SENDING' || Date.parse(entry.nextAttemptAt) - now < SLOW_POLL_MS,
  );
  return soon ? FAST_POLL_MS : SLOW_POLL_MS;
}
