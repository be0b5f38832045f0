import { cancelReasonChoices, channelLabel, openUnits, type CancelReasonChoice } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import { formatMoney } from '@/lib/format';
import type { BulkOrder } from '../api/bulk.graphql';

export interface ChannelReasons {
  channel: Channel;
  label: string;
  choices: CancelReasonChoice[];
}

/**
 * The reasons to offer, per channel of the orders: a "customer asked" reason only when every order of that channel
 * has the buyer's request (the channel refuses it on the others).
 */
export function reasonsByChannel(orders: readonly BulkOrder[], at: Date): ChannelReasons[] {
  const channels = [...new Set(orders.map((o) => o.channel))];
  return channels.map((channel) => {
    const ofChannel = orders.filter((o) => o.channel === channel);
    const buyerAskedToCancel = ofChannel.every((o) => o.cancellationRequested);
    return {
      channel,
      label: channelLabel(channel),
      choices: cancelReasonChoices(channel, {
        buyerAskedToCancel,
        at,
        marketplace: ofChannel[0].account.marketplace,
      }),
    };
  });
}

export interface CancelTotals {
  /** Orders whose channel takes the reason, and their open units and value. */
  orders: number;
  units: number;
  value: string;
  /** Orders of channels that have no such reason: they will be refused. */
  refused: number;
}

export function cancelTotals(
  orders: readonly BulkOrder[],
  reasons: readonly ChannelReasons[],
  code: string,
): CancelTotals {
  const channels = new Set(reasons.filter((r) => r.choices.some((c) => c.code === code)).map((r) => r.channel));
  const taken = orders.filter((o) => channels.has(o.channel));
  const byCurrency = new Map<string, number>();
  for (const o of taken)
    byCurrency.set(o.total.currency, (byCurrency.get(o.total.currency) ?? 0) + o.total.amountCents);
  return {
    orders: taken.length,
    units: taken.reduce((sum, o) => sum + o.lines.reduce((s, l) => s + openUnits(l), 0), 0),
    value:
      [...byCurrency].map(([currency, cents]) => formatMoney(cents, currency)).join(' + ') || formatMoney(0, 'USD'),
    refused: orders.length - taken.length,
  };
}
