import { channelLabel, orderName, policyFor, PolicyNotFoundError, refundClock } from '@order-hub/rules';
import type { Channel, RefundedBy, ReturnStatus } from '@order-hub/types';
import type { RaisedAlert } from 'src/modules/alerts/alerts.service';
import type { ReturnRateFigure } from './returns-report.service';
import { formatTimeLeft } from 'src/modules/alerts/format-time-left';
import { formatInZone } from 'src/modules/print/printable-order';

export const RETURN_ALARM_KINDS = ['REFUND_DUE_SOON', 'REFUND_OVERDUE', 'RETURN_REFUNDED_BY_CHANNEL'] as const;

/** How long a refund the channel issued itself stays an open alarm. */
export const REFUNDED_BY_CHANNEL_OPEN_DAYS = 7;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * One key per return and state: the alert table keeps an open alert's kind on a refresh, so "due soon" and "overdue"
 * are two conditions of the same return (the scan resolves the first when the second is raised).
 */
export const refundClockKeys = (returnId: string) => ({
  dueSoon: `refund-clock:${returnId}:due-soon`,
  overdue: `refund-clock:${returnId}:overdue`,
});
export const refundedByChannelKey = (returnId: string) => `refunded-by-channel:${returnId}`;

/** A return the clock reads, with the account it belongs to (its name and zone for the message). */
export interface ClockReturn {
  id: string;
  accountId: string;
  channel: Channel;
  channelReturnId: string;
  channelOrderId: string;
  orderId: string | null;
  status: ReturnStatus;
  receivedAt: Date | null;
  refundedAt: Date | null;
  refundedBy: RefundedBy | null;
  account: { name: string; timeZone: string };
}

/**
 * The refund clock's alarms as of `now`: due soon (the policy's warning hours or less left), overdue (past the
 * refund hours), and a refund the channel issued itself (open for 7 days after it). The rules' refundClock decides
 * the state from the policy in force at receipt; this only words it.
 */
export function returnAlarms(returns: readonly ClockReturn[], now: Date): RaisedAlert[] {
  const alarms: RaisedAlert[] = [];
  for (const r of returns) {
    if (!r.receivedAt) continue;
    const policy = policyAt(r.channel, r.receivedAt);
    const rule = policy?.returnRefund;
    if (!policy || !rule) continue;
    const channel = channelLabel(r.channel);
    const order = orderName(r.channel, r.channelOrderId);
    const zone = r.account.timeZone;
    const what = `Return ${r.channelReturnId} of ${order} (${r.account.name})`;
    const base = { accountId: r.accountId, orderId: r.orderId };
    if (r.refundedBy === 'CHANNEL') {
      if (!r.refundedAt || now.getTime() - r.refundedAt.getTime() > REFUNDED_BY_CHANNEL_OPEN_DAYS * DAY_MS) continue;
      const after = Math.round((r.refundedAt.getTime() - r.receivedAt.getTime()) / HOUR_MS);
      alarms.push({
        ...base,
        kind: 'RETURN_REFUNDED_BY_CHANNEL',
        severity: 'MEDIUM',
        conditionKey: refundedByChannelKey(r.id),
        message: `${channel} refunded return ${r.channelReturnId} of ${order} itself ${after} h after receipt (received ${formatInZone(r.receivedAt, zone)}, refunded ${formatInZone(r.refundedAt, zone)}); it counts against your refund standards.`,
        action: `Open the return (/returns/${r.id}) and the compliance report; refund returns within ${rule.refundWithinHours} h of receipt so ${channel} does not.`,
      });
      continue;
    }
    const clock = refundClock(
      policy,
      { status: r.status, receivedAt: r.receivedAt, refundedAt: r.refundedAt, refundedBy: r.refundedBy },
      now,
    );
    if (clock.state !== 'DUE_SOON' && clock.state !== 'OVERDUE') continue;
    const keys = refundClockKeys(r.id);
    const dueAt = clock.dueAt ?? new Date(r.receivedAt.getTime() + rule.refundWithinHours * HOUR_MS);
    const received = `received ${formatInZone(r.receivedAt, zone)}`;
    const itself = rule.channelRefundsItself
      ? ` ${channel} refunds it itself once ${rule.refundWithinHours} h have passed, and that counts against you.`
      : '';
    alarms.push(
      clock.state === 'OVERDUE'
        ? {
            ...base,
            kind: 'REFUND_OVERDUE',
            severity: 'CRITICAL',
            conditionKey: keys.overdue,
            message: `${what}, ${received}, was due for a refund by ${formatInZone(dueAt, zone)}: overdue by ${formatTimeLeft(now.getTime() - dueAt.getTime())}.${itself}`,
            action: `Refund it now from the return (/returns/${r.id}).`,
          }
        : {
            ...base,
            kind: 'REFUND_DUE_SOON',
            severity: 'HIGH',
            conditionKey: keys.dueSoon,
            message: `${what}, ${received}, must be refunded within ${formatTimeLeft(dueAt.getTime() - now.getTime())} (by ${formatInZone(dueAt, zone)}).${itself}`,
            action: `Refund it from the return (/returns/${r.id}) before then.`,
          },
    );
  }
  return alarms;
}

function policyAt(channel: Channel, at: Date) {
  try {
    return policyFor(channel, 'US', at);
  } catch (e) {
    // A receipt before the first policy the hub holds: no rule to hold it to.
    if (e instanceof PolicyNotFoundError) return null;
    throw e;
  }
}

/** The return rate at risk or failing, as the other metrics' alarm (COMPLIANCE_METRIC) words it; null when it is not. */
export function returnRateAlarm(
  account: { id: string; name: string },
  rate: ReturnRateFigure | null,
  windowDays: number,
  policyVersion: string,
): RaisedAlert | null {
  if (!rate || rate.percent === null || (rate.status !== 'AT_RISK' && rate.status !== 'FAILING')) return null;
  const failing = rate.status === 'FAILING';
  return {
    kind: 'COMPLIANCE_METRIC',
    severity: failing ? 'HIGH' : 'MEDIUM',
    conditionKey: `metric:${account.id}:RETURN_RATE`,
    accountId: account.id,
    message: `${rate.label} of ${account.name} is ${failing ? 'failing' : 'at risk'}: ${rate.percent.toFixed(2)}% (${rate.returned} of ${rate.delivered} delivered orders, ${windowDays} days) against ${rate.comparator} ${rate.threshold}% (${policyVersion}).`,
    action: 'Open the compliance report: the returned orders and the returns by reason are behind it.',
  };
}
