import { orderName } from '@order-hub/rules';
import type { AlertSeverity, Channel } from '@order-hub/types';
import { alertKindLabel } from 'src/modules/alerts/alert-kinds';

/** An alert as a message tells it, with the order and account it names (read by the dispatcher). */
export interface AlertForMessage {
  id: string;
  kind: string;
  severity: AlertSeverity;
  message: string;
  action: string | null;
  openedAt: Date;
  resolvedAt?: Date | null;
  order: { id: string; channel: Channel; channelOrderId: string } | null;
  account: { id: string; name: string } | null;
}

export interface EmailContent {
  subject: string;
  text: string;
}

const SEVERITY_WORDS: Record<AlertSeverity, string> = {
  LOW: 'low',
  MEDIUM: 'medium',
  HIGH: 'high',
  CRITICAL: 'critical',
};

/** The console page of the alert: its order's page, or the alerts list. */
export function consoleUrl(publicUrl: string, alert: Pick<AlertForMessage, 'order'>): string {
  return alert.order ? `${publicUrl}/orders/${alert.order.id}` : `${publicUrl}/alerts`;
}

/** "4 Dec 2026, 09:10 CST": a moment in the rule's zone, with the zone. */
export function formatWhen(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

function subjectOf(alert: AlertForMessage): string {
  const about = alert.order ? ` — ${orderName(alert.order.channel, alert.order.channelOrderId)}` : '';
  return `Order Hub, ${SEVERITY_WORDS[alert.severity]}: ${alertKindLabel(alert.kind)}${about}`;
}

/** The e-mail of one alert: what it is, what to do, where, when, and the link to the console. */
export function alertEmail(
  alert: AlertForMessage,
  ctx: { publicUrl: string; timeZone: string; ruleName: string; test?: boolean },
): EmailContent {
  const lines = [
    ctx.test ? 'This is a test of your notification rule: no such alert is open.' : null,
    `${alertKindLabel(alert.kind)} (${SEVERITY_WORDS[alert.severity]} severity)`,
    '',
    alert.message,
    alert.action ? `\nWhat to do: ${alert.action}` : null,
    '',
    alert.order ? `Order: ${orderName(alert.order.channel, alert.order.channelOrderId)}` : null,
    alert.account ? `Account: ${alert.account.name}` : null,
    `Opened: ${formatWhen(alert.openedAt, ctx.timeZone)}`,
    '',
    `Open in Order Hub: ${consoleUrl(ctx.publicUrl, alert)}`,
    '',
    `You receive this because of the notification rule "${ctx.ruleName}".`,
  ];
  return {
    subject: `${ctx.test ? '[Test] ' : ''}${subjectOf(alert)}`,
    text: lines.filter((l) => l !== null).join('\n'),
  };
}

/** The webhook's JSON body of one alert (`type` alert.opened, or alert.test for a rule's test). */
export function alertWebhookBody(
  deliveryId: string,
  alert: AlertForMessage,
  publicUrl: string,
  type: 'alert.opened' | 'alert.test' = 'alert.opened',
): Record<string, unknown> {
  return {
    id: deliveryId,
    type,
    alert: {
      id: alert.id,
      kind: alert.kind,
      severity: alert.severity,
      message: alert.message,
      action: alert.action,
      order: alert.order,
      account: alert.account,
      openedAt: alert.openedAt.toISOString(),
      url: consoleUrl(publicUrl, alert),
    },
  };
}

/** The daily digest: every alert the rule matched since the last one, oldest first, each with its link. */
export function digestEmail(
  alerts: readonly AlertForMessage[],
  ctx: { publicUrl: string; timeZone: string; ruleName: string; since: Date; more: boolean },
): EmailContent {
  const since = formatWhen(ctx.since, ctx.timeZone);
  const count = alerts.length === 1 ? '1 alert' : `${alerts.length}${ctx.more ? '+' : ''} alerts`;
  const items = alerts.map((a) => {
    const where = [a.order ? orderName(a.order.channel, a.order.channelOrderId) : null, a.account?.name ?? null]
      .filter(Boolean)
      .join(', ');
    return [
      `- ${alertKindLabel(a.kind)} (${SEVERITY_WORDS[a.severity]})${where ? `, ${where}` : ''}${a.resolvedAt ? ' — since resolved' : ''}`,
      `  ${a.message}`,
      `  Opened ${formatWhen(a.openedAt, ctx.timeZone)}: ${consoleUrl(ctx.publicUrl, a)}`,
    ].join('\n');
  });
  const text = [
    alerts.length ? `${count} opened since ${since}:` : `No alert opened since ${since}.`,
    '',
    ...items,
    ctx.more ? '\nMore alerts opened than one e-mail lists: see them all in Order Hub.' : null,
    '',
    `All alerts in Order Hub: ${ctx.publicUrl}/alerts`,
    '',
    `You receive this daily digest because of the notification rule "${ctx.ruleName}".`,
  ].filter((l) => l !== null);
  return { subject: `Order Hub daily digest: ${alerts.length ? count : 'no new alerts'}`, text: text.join('\n') };
}
