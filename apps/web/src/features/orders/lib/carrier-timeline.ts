import type { CarrierEventSource, CarrierEventType, CarrierStatus } from '@order-hub/types';
import type { CarrierPlace } from '@/lib/carrier-format';

export interface TimelineEvent {
  type: CarrierEventType;
  status?: CarrierStatus | null;
  occurredAt?: string | null;
  description?: string | null;
  /** Where the carrier saw it: its parts, or already in words (the evidence record's). */
  location?: CarrierPlace | string | null;
  source: CarrierEventSource;
}

export type Milestone = Exclude<CarrierEventType, 'STATUS'>;

export interface TimelineEntry<TEvent extends TimelineEvent = TimelineEvent> {
  key: string;
  event: TEvent;
  /** Milestones (first scan, first attempt, delivery) this status change was. */
  milestones: Milestone[];
}

/**
 * One line per carrier event, oldest first. The provider reports each status change (STATUS) and the hub also
 * records the milestones among them (first scan, first delivery attempt, delivery) as events of their own, at the
 * same instant from the same source: those become tags on their status line instead of repeating it. A milestone
 * with no status line (a marketplace's or MCF's report) keeps a line of its own.
 */
export function carrierTimeline<TEvent extends TimelineEvent>(events: readonly TEvent[]): TimelineEntry<TEvent>[] {
  const at = (event: TimelineEvent) => `${event.source}|${event.occurredAt ?? ''}`;
  const statusLines = new Map<string, TimelineEntry<TEvent>>();
  const entries: TimelineEntry<TEvent>[] = events.map((event, index) => {
    const entry = { key: `${event.type}:${event.occurredAt ?? ''}:${index}`, event, milestones: [] };
    if (event.type === 'STATUS' && event.occurredAt && !statusLines.has(at(event))) statusLines.set(at(event), entry);
    return entry;
  });
  return entries.filter((entry) => {
    const { event } = entry;
    if (event.type === 'STATUS') return true;
    const line = event.occurredAt ? statusLines.get(at(event)) : undefined;
    if (!line) return true;
    line.milestones.push(event.type);
    return false;
  });
}
