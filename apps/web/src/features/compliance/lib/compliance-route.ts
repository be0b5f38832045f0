import { CHANNELS } from '@order-hub/types';
import type { Channel } from '@/gql/graphql';

const CHANNEL_SLUGS: Record<string, Channel> = Object.fromEntries(CHANNELS.map((c) => [c.toLowerCase(), c]));

/** "/compliance/amazon" → AMAZON; null for anything else. */
export function channelFromSlug(slug: string | undefined): Channel | null {
  return (slug && CHANNEL_SLUGS[slug.toLowerCase()]) || null;
}

export function compliancePath(channel: Channel, accountId: string | null = null): string {
  const path = `/compliance/${channel.toLowerCase()}`;
  return accountId ? `${path}?account=${encodeURIComponent(accountId)}` : path;
}

/** The report CSV for what the dashboard shows: same channel, account and instant. */
export function reportCsvUrl(channel: Channel, accountId: string | null, asOf: string): string {
  const params = new URLSearchParams({ channel });
  if (accountId) params.set('accountId', accountId);
  params.set('asOf', asOf);
  return `/api/compliance/report.csv?${params.toString()}`;
}
