/** One carrier event as Amazon reports it in a package's `events` JSON. */
export interface McfTrackingEvent {
  eventCode: string;
  eventDate: string | null;
  eventDescription: string | null;
}

/** The package's carrier events, oldest first; anything not shaped like an event is left out. */
export function trackingEvents(events: unknown): McfTrackingEvent[] {
  if (!Array.isArray(events)) return [];
  return events
    .filter(
      (event): event is Record<string, unknown> =>
        typeof event === 'object' && event !== null && typeof (event as { eventCode?: unknown }).eventCode === 'string',
    )
    .map((event) => ({
      eventCode: event.eventCode as string,
      eventDate: typeof event.eventDate === 'string' ? event.eventDate : null,
      eventDescription: typeof event.eventDescription === 'string' ? event.eventDescription : null,
    }))
    .sort((a, b) => (a.eventDate ?? '').localeCompare(b.eventDate ?? ''));
}

/** Statuses where the order stays with the operator, who must ship it another way. */
export function staysWithOperator(status: string): boolean {
  return status === 'NOT_ROUTED' || status === 'UNFULFILLABLE';
}

/** Badge tone for an MCF status. */
export function mcfStatusTone(status: string): 'ok' | 'warn' | 'bad' | 'neutral' {
  switch (status) {
    case 'COMPLETE':
      return 'ok';
    case 'NOT_ROUTED':
    case 'UNFULFILLABLE':
    case 'CANCELLED':
      return 'bad';
    case 'PROCESSING':
      return 'neutral';
    default:
      return 'warn';
  }
}
