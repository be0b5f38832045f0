import type { OrderDetail } from '../../orders/api/orders.graphql';
import type { OutboxEntryView } from '../api/outbox.graphql';

export type TimelineItem =
  | { kind: 'audit'; at: string; id: string; event: OrderDetail['auditEvents'][number] }
  | { kind: 'outbox'; at: string; id: string; entry: OutboxEntryView };

/**
 * Audit events (at `occurredAt`) and outbox entries (at `createdAt`) in one list, oldest first. At the
 * same instant the audit event comes first (the hub records the change, then queues the channel call),
 * and entries of one kind keep the api's order (an order's outbox rows go out in that sequence).
 */
export function mergeTimeline(events: readonly OrderDetail['auditEvents'][number][], outbox: readonly OutboxEntryView[]): TimelineItem[] {
  const items: TimelineItem[] = [
    ...events.map((event) => ({ kind: 'audit' as const, at: event.occurredAt, id: `audit:${event.id}`, event })),
    ...outbox.map((entry) => ({ kind: 'outbox' as const, at: entry.createdAt, id: `outbox:${entry.id}`, entry })),
  ];
  const order = (item: TimelineItem) => (item.kind === 'audit' ? 0 : 1);
  // Array.prototype.sort is stable: ties of the same kind stay as the api listed them.
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || order(a) - order(b));
}

/** True while an entry still waits for the channel, so the page keeps polling. */
export function hasUndelivered(outbox: readonly Pick<OutboxEntryView, 'status'>[]): boolean {
  return outbox.some((entry) => entry.status === 'PENDING' || entry.status === 'SENDING');
}
