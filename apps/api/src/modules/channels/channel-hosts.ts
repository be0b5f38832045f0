import { channelLabel, channelProfile } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import { BadUserInputError } from 'src/common/errors/app-error';
import { channelDescriptor } from './channel-registry';

/**
 * Where an account's credentials may go. The hub sends the stored secrets to the account's `baseUrl` (and Amazon's
 * to its `lwaEndpoint`), so a URL is part of what the secret is trusted with: pointing an account elsewhere needs
 * the secret again, and a PRODUCTION account names only the channel's published hosts.
 */

/** Refuses a URL of a PRODUCTION account that is not one of the channel's published hosts. */
export function checkPublishedHosts(
  channel: Channel,
  baseUrl: string,
  credentials: Record<string, string> | null,
): void {
  const { publishedHosts } = channelDescriptor(channel);
  refuseUnpublished(channel, 'input.baseUrl', baseUrl, publishedHosts.baseUrl);
  for (const [field, hosts] of Object.entries(publishedHosts.credentials)) {
    const value = credentials?.[field];
    if (value) refuseUnpublished(channel, `input.credentials.${field}`, value, hosts);
  }
}

/** Refuses a new `baseUrl` without the credentials entered again with it. */
export function checkCredentialsFollowBaseUrl(
  channel: Channel,
  stored: string,
  given: string | undefined,
  credentials: Record<string, string> | undefined,
): void {
  if (given === undefined || credentials || sameUrl(stored, given)) return;
  const required = channelProfile(channel)
    .credentials.filter((c) => !c.optional)
    .map((c) => c.field);
  throw new BadUserInputError(
    'input.credentials',
    `must be entered again (${required.join(', ')}) to change baseUrl: stored credentials are only ever sent to the host they were entered for.`,
  );
}

function refuseUnpublished(channel: Channel, field: string, value: string, hosts: readonly string[]): void {
  if (isPublished(value, hosts)) return;
  throw new BadUserInputError(
    field,
    `must be one of ${channelLabel(channel)}'s published hosts for a PRODUCTION account (${hosts.map((h) => `https://${h}`).join(', ')}); another host needs environment SANDBOX, or ALLOW_CUSTOM_CHANNEL_HOSTS=true on the hub.`,
  );
}

function isPublished(value: string, hosts: readonly string[]): boolean {
  const url = parse(value);
  return (
    !!url &&
    url.protocol === 'https:' &&
    url.port === '' &&
    !url.username &&
    !url.password &&
    hosts.includes(url.hostname)
  );
}

/** The same URL once normalised (host case, default port, an empty path). */
function sameUrl(a: string, b: string): boolean {
  const [x, y] = [parse(a.trim()), parse(b.trim())];
  return x && y ? x.href === y.href : a.trim() === b.trim();
}

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
