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

/** The refund clock's kinds, in the words of a return. */
const RETURN_ALERT_KIND_WORDS: Readonly<Record<string, string>> = {
  REFUND_DUE_SOON: 'Refund due soon on a received return',
  REFUND_OVERDUE: 'Refund overdue on a received return',
  RETURN_REFUNDED_BY_CHANNEL: 'Return refunded by the channel itself',
};

/** The mailbox's and suppliers' kinds, in words. */
const MAIL_ALERT_KIND_WORDS: Readonly<Record<string, string>> = {
  SUPPLIER_TRACKING_DUE_SOON: 'Supplier tracking due soon',
  SUPPLIER_TRACKING_MISSED: 'Supplier tracking missed',
  BUYER_MESSAGE_DUE_SOON: 'Buyer message to answer soon',
  BUYER_MESSAGE_OVERDUE: 'Buyer message not answered in time',
  MAILBOX_UNREACHABLE: 'Mailbox cannot be read',
};

/** The labels' and the import's kinds, in words. */
const LABEL_ALERT_KIND_WORDS: Readonly<Record<string, string>> = {
  LABEL_NOT_RECORDED: 'Label bought, shipment not recorded',
  LABEL_VOID_UNSETTLED: 'Label void not finished',
  ORDER_QUARANTINED: 'Order the hub could not import',
};

/** "MCF_TRACKING_HELD" → "MCF tracking held"; the carrier-scan and return kinds in their own words ("Delivered to another address"). */
export function alertKindLabel(kind: string): string {
  const ownWords =
    CARRIER_ALERT_KIND_WORDS[kind] ??
    RETURN_ALERT_KIND_WORDS[kind] ??
    MAIL_ALERT_KIND_WORDS[kind] ??
    LABEL_ALERT_KIND_WORDS[kind];
  if (ownWords) return ownWords;
  const words = kind.toLowerCase().split('_');
  return words
    .map((word) => (word === 'mcf' ? 'MCF' : word))
    .join(' ')
    .replace(/^[a-z]/, (c) => c.toUpperCase());
}

const RETURN_PATH = /\/returns\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The return an alert's action points to ("Refund it from the return (/returns/<id>)"), as a console path; null when none. */
export function returnPathOf(action: string | null | undefined): string | null {
  return action?.match(RETURN_PATH)?.[0] ?? null;
}
