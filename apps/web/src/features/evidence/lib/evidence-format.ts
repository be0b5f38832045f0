// Wording of the printable evidence record: exact instants in UTC (evidence is compared with the channel's
// records, which are in UTC), and a one-line summary of what the record holds.

/** "2026-11-24 09:12:33 UTC"; "—" when there is no instant. */
export function formatEvidenceTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** 840 → "840 ms", 2300 → "2.3 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export interface EvidenceCounts {
  channelCalls: readonly { attempts: readonly unknown[] }[];
  shipments: readonly { events: readonly unknown[] }[];
  audit: readonly unknown[];
}

/** "2 channel calls (3 attempts) · 1 shipment, 2 carrier events · 4 audit entries". */
export function evidenceSummary({ channelCalls, shipments, audit }: EvidenceCounts): string {
  const attempts = channelCalls.reduce((sum, call) => sum + call.attempts.length, 0);
  const events = shipments.reduce((sum, shipment) => sum + shipment.events.length, 0);
  return [
    `${count(channelCalls.length, 'channel call', 'channel calls')} (${count(attempts, 'attempt', 'attempts')})`,
    `${count(shipments.length, 'shipment', 'shipments')}, ${count(events, 'carrier event', 'carrier events')}`,
    count(audit.length, 'audit entry', 'audit entries'),
  ].join(' · ');
}

/** "evidence-<channel order id>.csv", safe as a file name. */
export function evidenceFileName(channelOrderId: string): string {
  return `evidence-${channelOrderId.replace(/[^A-Za-z0-9._-]+/g, '_')}.csv`;
}
