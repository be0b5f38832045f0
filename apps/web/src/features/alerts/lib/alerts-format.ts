import { CARRIER_ALERT_KIND_WORDS } from '@/lib/carrier-format';
import type { AlertView } from '../api/alerts.graphql';

const SEVERITY_RANK: Record<string, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

/** Most severe first, then oldest first (the one waiting longest). */
export function sortAlerts(alerts: readonly AlertView[]): AlertView[] {
  return [...alerts].sort(
    (a, b) =>
      (SEVERITY_RANK[a.severity] ?? 4) - (SEVERITY_RANK[b.severity] ?? 4) || a.openedAt.localeCompare(b.openedAt),
  );
}

/** HIGH and CRITICAL alerts interrupt (role="alert") while unresolved; the header counts them. */
export function isUrgent(alert: Pick<AlertView, 'severity' | 'resolvedAt'>): boolean {
  return (alert.severity === 'HIGH' || alert.severity === 'CRITICAL') && alert.resolvedAt === null;
}

/** "MCF_TRACKING_HELD" → "MCF tracking held"; the carrier-scan kinds in their own words ("Delivered to another address"). */
export function alertKindLabel(kind: string): string {
  const carrierWords = CARRIER_ALERT_KIND_WORDS[kind];
  if (carrierWords) return carrierWords;
  const words = kind.toLowerCase().split('_');
  return words
    .map((word) => (word === 'mcf' ? 'MCF' : word))
    .join(' ')
    .replace(/^[a-z]/, (c) => c.toUpperCase());
}
