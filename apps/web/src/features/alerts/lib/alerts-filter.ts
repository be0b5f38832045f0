import { CHANNELS } from '@order-hub/types';
import type { AlertFilter, AlertSeverity, AlertStatus, Channel } from '@/gql/graphql';

export const ALERT_STATUSES: readonly AlertStatus[] = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'];
export const ALERT_SEVERITIES: readonly AlertSeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
/** The kinds an operator filters by; others still show under "any kind". */
export const ALERT_KINDS = [
  'ACKNOWLEDGE_DUE_SOON',
  'ACKNOWLEDGE_OVERDUE',
  'SHIP_BY_TODAY',
  'PAST_SHIP_BY',
  'AUTO_CANCEL_RISK',
  'LATE_ORIGIN_SCAN',
  'TRACKING_REUSED',
  'MCF_TRACKING_HELD',
  'MCF_NOT_FULFILLED',
  'OUTBOX_FAILED',
  'COMPLIANCE_METRIC',
  'CHANNEL_WARNING_DUE',
  'CHANNEL_WARNING_OVERDUE',
  'REFUND_DUE_SOON',
  'REFUND_OVERDUE',
  'RETURN_REFUNDED_BY_CHANNEL',
  'SUPPLIER_TRACKING_DUE_SOON',
  'SUPPLIER_TRACKING_MISSED',
  'BUYER_MESSAGE_DUE_SOON',
  'BUYER_MESSAGE_OVERDUE',
  'MAILBOX_UNREACHABLE',
  'LABEL_NOT_RECORDED',
  'LABEL_VOID_UNSETTLED',
  'ORDER_QUARANTINED',
] as const;

/** What the alerts page filters by, as kept in the URL. */
export interface AlertsPageFilter {
  statuses: AlertStatus[];
  severities: AlertSeverity[];
  kind: string | null;
  channel: Channel | null;
  accountId: string | null;
}

/** Unresolved alerts: what the page shows when the URL says nothing. */
export const DEFAULT_STATUSES: readonly AlertStatus[] = ['OPEN', 'ACKNOWLEDGED'];

const listOf = <T extends string>(raw: string | null, allowed: readonly T[]): T[] =>
  (raw ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));

/** `?status=OPEN,RESOLVED&severity=HIGH&kind=…&channel=…&account=…`; `status=any` is every status. */
export function filterFromParams(params: URLSearchParams): AlertsPageFilter {
  const status = params.get('status');
  const channel = params.get('channel');
  return {
    statuses: status === null ? [...DEFAULT_STATUSES] : status === 'any' ? [] : listOf(status, ALERT_STATUSES),
    severities: listOf(params.get('severity'), ALERT_SEVERITIES),
    kind: params.get('kind') || null,
    channel: (CHANNELS as readonly string[]).includes(channel ?? '') ? (channel as Channel) : null,
    accountId: params.get('account') || null,
  };
}

export function paramsFromFilter(filter: AlertsPageFilter): Record<string, string> {
  const params: Record<string, string> = {};
  const isDefault =
    filter.statuses.length === DEFAULT_STATUSES.length && DEFAULT_STATUSES.every((s) => filter.statuses.includes(s));
  if (!isDefault)
    params.status =
      filter.statuses.length === 0 ? 'any' : ALERT_STATUSES.filter((s) => filter.statuses.includes(s)).join(',');
  if (filter.severities.length)
    params.severity = ALERT_SEVERITIES.filter((s) => filter.severities.includes(s)).join(',');
  if (filter.kind) params.kind = filter.kind;
  if (filter.channel) params.channel = filter.channel;
  if (filter.accountId) params.account = filter.accountId;
  return params;
}

/** The GraphQL filter: empty choices are left out (they match everything). */
export function toAlertFilter(filter: AlertsPageFilter): AlertFilter {
  return {
    statuses: filter.statuses.length ? filter.statuses : null,
    severities: filter.severities.length ? filter.severities : null,
    kinds: filter.kind ? [filter.kind] : null,
    channel: filter.channel,
    accountId: filter.accountId,
  };
}

export function toggled<T>(list: readonly T[], value: T, on: boolean, order: readonly T[]): T[] {
  return order.filter((v) => (v === value ? on : list.includes(v)));
}
