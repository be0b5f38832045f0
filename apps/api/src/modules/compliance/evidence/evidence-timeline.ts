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
  /** The carrier's status (provider events); null for the channel's and MCF's. */
  status: string | null;
  occurredAt: Date;
  source: string;
  description: string | null;
  /** Where the carrier saw the parcel, as one line ("Reno, NV 89501 US"); null when not given. */
  location: string | null;
}

/** How the tracking provider follows a shipment: its state, first scan, delivery and the delivery place against the ship-to. */
export interface EvidenceTracking {
  provider: string;
  carrier: string;
  state: string;
  status: string | null;
  statusDetail: string | null;
  untrackableReason: string | null;
  publicUrl: string | null;
  firstScanAt: Date | null;
  firstDeliveryAttemptAt: Date | null;
  deliveredAt: Date | null;
  deliveredTo: string | null;
  shipTo: string | null;
  addressMatch: string | null;
  /** The last time the hub heard from the provider about it ("carrier data as of"). */
  checkedAt: Date | null;
  since: Date;
}

export interface EvidenceShipment {
  id: string;
  carrier: string;
  trackingNumber: string | null;
  shippedAt: Date;
  source: string;
  /** Where its tracking came from, in words (CSV file and supplier, console or API token, MCF, channel import). */
  origin: string;
  tracking: EvidenceTracking | null;
  events: EvidenceCarrierEvent[];
}

export interface EvidenceAuditEntry {
  occurredAt: Date;
  actor: string;
  action: string;
  /** The fields the change set, `name=value`. */
  summary: string;
}

/** A return of the order as the channel reported it, with its reasons in words. */
export interface EvidenceReturn {
  id: string;
  channelReturnId: string;
  status: string;
  requestedAt: Date;
  receivedAt: Date | null;
  refundedAt: Date | null;
  /** "the seller", or the channel itself ("Walmart itself"); null until refunded. */
  refundedBy: string | null;
  /** "2 × SKU-1 (Damaged)", one per returned line. */
  lines: string[];
  tracking: string[];
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

/** "Reno, NV 89501 US": a place as one line, or null when nothing of it is known. */
export function placeLine(
  city: string | null | undefined,
  state: string | null | undefined,
  zip: string | null | undefined,
  country: string | null | undefined,
): string | null {
  return [[city, state].filter(Boolean).join(', '), zip, country].filter(Boolean).join(' ') || null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The tracker's word on one line, as of when the hub last heard from the provider. */
export function trackingSummary(trackingNumber: string | null, t: EvidenceTracking): string {
  const parts = [`${t.carrier} ${trackingNumber ?? ''}: tracker ${t.state}${t.status ? `, status ${t.status}` : ''}`];
  if (t.untrackableReason) parts.push(`the provider refused the number: ${t.untrackableReason}`);
  parts.push(t.firstScanAt ? `first carrier scan ${iso(t.firstScanAt)}` : 'no carrier scan');
  if (t.firstDeliveryAttemptAt) parts.push(`first delivery attempt ${iso(t.firstDeliveryAttemptAt)}`);
  if (t.deliveredAt) parts.push(`delivered ${iso(t.deliveredAt)} at ${t.deliveredTo ?? 'an unknown place'}`);
  if (t.addressMatch) parts.push(`address ${t.addressMatch} against the ship-to ${t.shipTo ?? '(none)'}`);
  parts.push(t.checkedAt ? `carrier data as of ${iso(t.checkedAt)}` : 'nothing heard from the provider yet');
  return parts.join('; ');
}

/** Every event of the record, oldest first: the order placed, audit entries, channel calls and attempts, shipments and carrier events. */
export function evidenceTimeline(
  order: EvidenceOrderSummary,
  calls: readonly EvidenceChannelCall[],
  shipments: readonly EvidenceShipment[],
  audit: readonly EvidenceAuditEntry[],
  returns: readonly EvidenceReturn[] = [],
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
      detail: `${s.carrier} ${s.trackingNumber ?? '(no tracking number)'} from ${s.origin}`,
    });
    for (const e of s.events) {
      events.push({
        at: e.occurredAt,
        kind: `CARRIER_${e.type}`,
        actor: `carrier:${e.source}`,
        detail: [s.trackingNumber, e.status, e.description, e.location && `at ${e.location}`].filter(Boolean).join(' '),
      });
    }
    if (s.tracking)
      events.push({
        at: s.tracking.checkedAt ?? s.tracking.since,
        kind: 'CARRIER_TRACKING',
        actor: `provider:${s.tracking.provider}`,
        detail: trackingSummary(s.trackingNumber, s.tracking),
      });
  }
  for (const r of returns) {
    const what = `return ${r.channelReturnId}: ${r.lines.join(', ')}`;
    events.push({
      at: r.requestedAt,
      kind: 'RETURN_REQUESTED',
      actor: `channel:${order.channel}`,
      detail: `${what}${r.tracking.length ? `; return label ${r.tracking.join(', ')}` : ''}`,
    });
    if (r.receivedAt)
      events.push({ at: r.receivedAt, kind: 'RETURN_RECEIVED', actor: `channel:${order.channel}`, detail: what });
    if (r.refundedAt)
      events.push({
        at: r.refundedAt,
        kind: 'RETURN_REFUNDED',
        actor: `channel:${order.channel}`,
        detail: `${what}; refunded by ${r.refundedBy ?? 'the seller'}`,
      });
  }
  // Stable: events at the same instant keep the order above.
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i)
    .map(({ e }) => e);
}
