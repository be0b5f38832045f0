import { channelLabel } from '@order-hub/rules';
import { CHANNELS, type Channel } from '@order-hub/types';

/** What the Returns page shows, as its address keeps it: a channel tab (or all), the refunds-due view, a search. */
export interface ReturnsPageFilter {
  channel: Channel | null;
  refundsDue: boolean;
  search: string;
}

const isChannel = (value: string | null): value is Channel => CHANNELS.some((channel) => channel === value);

export function filterFromParams(params: URLSearchParams): ReturnsPageFilter {
  const channel = params.get('channel')?.toUpperCase() ?? null;
  return {
    channel: isChannel(channel) ? channel : null,
    refundsDue: params.get('view') === 'due',
    search: params.get('q')?.trim() ?? '',
  };
}

export function paramsFromFilter(filter: ReturnsPageFilter): Record<string, string> {
  return {
    ...(filter.channel && { channel: filter.channel.toLowerCase() }),
    ...(filter.refundsDue && { view: 'due' }),
    ...(filter.search && { q: filter.search }),
  };
}

/** The api's ReturnFilter for the page's filter: nulls, not empty strings, for what is not chosen. */
export function toReturnFilter(filter: ReturnsPageFilter) {
  return {
    channel: filter.channel,
    refundsDue: filter.refundsDue || null,
    search: filter.search || null,
  };
}

/** One tab per channel the accounts are on, in the hub's channel order, named as people call the channel. */
export function channelTabs(accounts: readonly { channel: Channel }[]): { channel: Channel; label: string }[] {
  const present = new Set(accounts.map((account) => account.channel));
  return CHANNELS.filter((channel) => present.has(channel)).map((channel) => ({
    channel,
    label: channelLabel(channel),
  }));
}
