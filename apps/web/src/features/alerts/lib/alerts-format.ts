import type { AlertView } from '../api/alerts.graphql';

const SEVERITY_RANK: Record<string, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/** Most severe first, then oldest first (the one waiting longest). */
export function sortAlerts(alerts: readonly AlertView[]): AlertView[] {
  return [...alerts].sort(
    (a, b) => (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3) || a.openedAt.localeCompare(b.openedAt),
  );
}

/** Open (unresolved) HIGH alerts: the header badge's count. Acknowledging one does not resolve it. */
export function openHighCount(alerts: readonly AlertView[]): number {
  return alerts.filter((alert) => alert.severity === 'HIGH' && alert.resolvedAt === null).length;
}

/** "MCF_TRACKING_HELD" → "MCF tracking held". */
export function alertKindLabel(kind: string): string {
  const words = kind.toLowerCase().split('_');
  return words.map((word) => (word === 'mcf' ? 'MCF' : word)).join(' ').replace(/^[a-z]/, (c) => c.toUpperCase());
}
