import { buyerMessageReplyUrl, channelLabel, orderName } from '@order-hub/rules';
import type { RaisedAlert } from 'src/modules/alerts/alerts.service';
import { formatTimeLeft } from 'src/modules/alerts/format-time-left';
import { formatInZone } from 'src/modules/print/printable-order';
import type { BuyerMessageEntity } from './buyer-message.entity';
import { messageClock } from './message-clock';

export const BUYER_MESSAGE_ALARM_KINDS = ['BUYER_MESSAGE_DUE_SOON', 'BUYER_MESSAGE_OVERDUE'] as const;

/** One key per message and state: the scan resolves "due soon" when it raises "overdue". */
export const buyerMessageAlarmKeys = (id: string) => ({
  dueSoon: `buyer-message:${id}:due-soon`,
  overdue: `buyer-message:${id}:overdue`,
});

export type AlarmedMessage = Pick<
  BuyerMessageEntity,
  'id' | 'channel' | 'kind' | 'accountId' | 'orderId' | 'subject' | 'fromAddress' | 'receivedAt' | 'answeredAt'
> & {
  account: { name: string; timeZone: string } | null;
  channelOrderId: string | null;
};

/**
 * The response clock's alarms as of `now`: due soon (the policy's warning hours or less left) and overdue. The rules'
 * buyerMessageClock decides the state from the policy in force at receipt; this only words it.
 */
export function buyerMessageAlarms(messages: readonly AlarmedMessage[], now: Date): RaisedAlert[] {
  const alarms: RaisedAlert[] = [];
  for (const m of messages) {
    if (m.kind !== 'BUYER_MESSAGE' || m.answeredAt) continue;
    const clock = messageClock(m, now);
    if (clock.state !== 'DUE_SOON' && clock.state !== 'OVERDUE') continue;
    const zone = m.account?.timeZone ?? 'UTC';
    const channel = channelLabel(m.channel);
    const about = m.channelOrderId ? ` about ${orderName(m.channel, m.channelOrderId)}` : '';
    const to = m.account ? ` to ${m.account.name}` : '';
    const what = `The ${channel} buyer message${to}${about} ("${m.subject}", from ${m.fromAddress}, received ${formatInZone(m.receivedAt, zone)})`;
    const reply = buyerMessageReplyUrl(m.channel, m.channelOrderId);
    const keys = buyerMessageAlarmKeys(m.id);
    const base = { accountId: m.accountId, orderId: m.orderId };
    const rule = `${channel} expects an answer within ${clock.respondWithinHours} h`;
    alarms.push(
      clock.state === 'OVERDUE'
        ? {
            ...base,
            kind: 'BUYER_MESSAGE_OVERDUE',
            severity: 'CRITICAL',
            conditionKey: keys.overdue,
            message: `${what} was due for an answer by ${formatInZone(clock.respondBy, zone)}: overdue by ${formatTimeLeft(now.getTime() - clock.respondBy.getTime())}. ${rule}.`,
            action: `Answer it now on ${channel}'s reply page (${reply}); the hub sees your reply in Sent.`,
          }
        : {
            ...base,
            kind: 'BUYER_MESSAGE_DUE_SOON',
            severity: 'HIGH',
            conditionKey: keys.dueSoon,
            message: `${what} must be answered within ${formatTimeLeft(clock.respondBy.getTime() - now.getTime())} (by ${formatInZone(clock.respondBy, zone)}). ${rule}.`,
            action: `Answer it on ${channel}'s reply page (${reply}); the hub sees your reply in Sent.`,
          },
    );
  }
  return alarms;
}
