import type { OutboxOperation, OutboxStatus } from '@order-hub/types';

/** What the evidence record holds, as plain data: built by OrderEvidenceService, flattened here for the timeline and CSV. */
export interface EvidenceAttempt {
  attempt: number;
  startedAt: Date;
  durationMs: number;
  /** `METHOD path` of the call (the body stays in the outbox row). */
  request: string;
  responseStatus: number | null;
  /** The start of the channel's answer, as JSON text. */
  responseExcerpt: string | null;
  outcome: string;
  error: string | null;
}

export interface EvidenceChannelCall {
  id: string;
  operation: OutboxOperation;
  status: OutboxStatus;
  createdAt: Date;
  createdBy: string;
  deliveredAt: Date | null;
  lastError: string | null;
  discardReason: string | null;
  attempts: EvidenceAttempt[];
}

export interface EvidenceCarrierEvent {
  type: string;
  occurredAt: Date;
  source: string;
  description: string | null;
}

export interface EvidenceShipment {
  id: string;
  carrier: string;
  trackingNumber: string | null;
  shippedAt: Date;
  source: string;
  events: EvidenceCarrierEvent[];
}

export interface EvidenceAuditEntry {
  occurredAt: Date;
  actor: string;
  action: string;
  /** The fields the change set, `name=value`. */
  summary: string;
}

export interface EvidenceOrderSummary {
  channel: string;
  channelOrderId: string;
  orderedAt: Date;
}

export interface EvidenceEvent {
  at: Date;
  kind: string;
  actor: string;
  detail: string;
}

export const EXCERPT_CHARS = 300;

/** The start of a JSON value as text, for a response body that may be large. */
export function excerpt(body: unknown, max = EXCERPT_CHARS): string | null {
  if (body === null || body === undefined) return null;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `a=1, b=x` for the top-level fields of an audit event's `after`, skipping nested values longer than a line. */
export function summarizeChange(after: Record<string, unknown> | null): string {
  if (!after) return '';
  return Object.entries(after)
    .map(([k, v]) => `${k}=${excerpt(v, 120) ?? 'null'}`)
    .join(', ');
}

/** Every event of the record, oldest first: the order placed, audit entries, channel calls and attempts, shipments and carrier events. */
export function evidenceTimeline(
  order: EvidenceOrderSummary,
  calls: readonly EvidenceChannelCall[],
  shipments: readonly EvidenceShipment[],
  audit: readonly EvidenceAuditEntry[],
): EvidenceEvent[] {
  const events: EvidenceEvent[] = [
    {
      at: order.orderedAt,
      kind: 'ORDER_PLACED',
      actor: `channel:${order.channel}`,
      detail: `${order.channelOrderId} placed`,
    },
  ];
  for (const a of audit) events.push({ at: a.occurredAt, kind: a.action, actor: a.actor, detail: a.summary });
  for (const c of calls) {
    events.push({
      at: c.createdAt,
      kind: 'CHANNEL_CALL_QUEUED',
      actor: c.createdBy,
      detail: `${c.operation} (now ${c.status}${c.discardReason ? `: ${c.discardReason}` : ''})`,
    });
    for (const t of c.attempts) {
      const answer = [
        t.responseStatus === null ? 'no response' : `HTTP ${t.responseStatus}`,
        t.outcome,
        t.error,
        t.responseExcerpt,
      ]
        .filter(Boolean)
        .join(' ');
      events.push({
        at: t.startedAt,
        kind: 'CHANNEL_CALL_ATTEMPT',
        actor: 'system:deliver-outbox',
        detail: `${c.operation} attempt ${t.attempt}: ${t.request} → ${answer}`,
      });
    }
  }
  for (const s of shipments) {
    events.push({
      at: s.shippedAt,
      kind: 'SHIPPED',
      actor: s.source === 'HUB' ? 'hub' : 'channel',
      detail: `${s.carrier} ${s.trackingNumber ?? '(no tracking number)'}`,
    });
    for (const e of s.events) {
      events.push({
        at: e.occurredAt,
        kind: `CARRIER_${e.type}`,
        actor: `carrier:${e.source}`,
        detail: [s.trackingNumber, e.description].filter(Boolean).join(' '),
      });
    }
  }
  // Stable: events at the same instant keep the order above.
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i)
    .map(({ e }) => e);
}
