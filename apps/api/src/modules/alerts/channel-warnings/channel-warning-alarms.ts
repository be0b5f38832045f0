import { channelLabel, channelWarningClock } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import { formatTimeLeft } from 'src/modules/alerts/format-time-left';
import type { RaisedAlert } from 'src/modules/alerts/alerts.service';
import type { ChannelWarningEntity } from './channel-warning.entity';

export const CHANNEL_WARNING_ALARM_KINDS = ['CHANNEL_WARNING_DUE', 'CHANNEL_WARNING_OVERDUE'] as const;

export function channelWarningConditionKeys(id: string): string[] {
  return [`channel-warning-due:${id}`, `channel-warning-overdue:${id}`];
}

type Warning = Pick<ChannelWarningEntity, 'id' | 'accountId' | 'metric' | 'subject' | 'receivedAt' | 'respondedAt'> & {
  account: { name: string; channel: Channel };
};

/** The alarm of each unanswered warning with 4 h or less left (due), or past its deadline (overdue). */
export function channelWarningAlarms(warnings: readonly Warning[], now: Date): RaisedAlert[] {
  const alarms: RaisedAlert[] = [];
  for (const w of warnings) {
    const clock = channelWarningClock(w, now);
    if (clock.state !== 'DUE_SOON' && clock.state !== 'OVERDUE') continue;
    const [dueKey, overdueKey] = channelWarningConditionKeys(w.id);
    const about = [w.metric, w.subject].filter(Boolean).join(': ');
    const channel = channelLabel(w.account.channel);
    const base = {
      accountId: w.accountId,
      severity: 'HIGH' as const,
      action: 'Answer it in the channel, then record the response on the alerts page.',
    };
    alarms.push(
      clock.state === 'OVERDUE'
        ? {
            ...base,
            kind: 'CHANNEL_WARNING_OVERDUE',
            conditionKey: overdueKey,
            message: `The ${channel} warning to ${w.account.name} about ${about} was due for an answer at ${clock.respondBy.toISOString()} and has none recorded.`,
          }
        : {
            ...base,
            kind: 'CHANNEL_WARNING_DUE',
            conditionKey: dueKey,
            message: `The ${channel} warning to ${w.account.name} about ${about} must be answered within ${formatTimeLeft(clock.msLeft!)} (by ${clock.respondBy.toISOString()}).`,
          },
    );
  }
  return alarms;
}
